package dev.kqlhunt.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundled content: every indexed file exists and loads, every bundled rule has a tests file, and
 * the bundled seed rule and exclusions are the same bytes as the copies under {@code examples/}.
 */
class BundledContentTest {
  @Test
  void everyIndexedFileExistsAndLoads() {
    for (String path : BundledContent.index()) assertTrue(BundledContent.exists(path), path);
    for (LoadResult<SentinelRule> r : BundledContent.rules()) assertTrue(r.ok(), String.join("\n", r.rendered()));
    for (LoadResult<ExclusionSet> r : BundledContent.exclusions()) assertTrue(r.ok(), String.join("\n", r.rendered()));
    assertEquals(1, BundledContent.rules().size());
    assertEquals(5, BundledContent.exclusions().get(0).value().exclusions().size());
  }

  @Test
  void everyBundledRuleHasTests() {
    for (String path : BundledContent.index()) {
      if (!path.startsWith("rules/") || path.endsWith(".tests.yaml")) continue;
      String tests = path.replaceAll("\\.ya?ml$", ".tests.yaml");
      assertTrue(BundledContent.testFiles().contains(tests), path + " has no " + tests);
    }
  }

  @Test
  void theBundledCopiesAreTheExamples() throws Exception {
    Path examples = Path.of("..", "examples");
    assertEquals(Files.readString(examples.resolve("rules/remote-desktop-plus.yaml"), StandardCharsets.UTF_8),
        BundledContent.read("rules/remote-desktop-plus.yaml").text());
    assertEquals(Files.readString(examples.resolve("exclusions/remote-desktop-plus.yaml"), StandardCharsets.UTF_8),
        BundledContent.read("exclusions/remote-desktop-plus.yaml").text());
  }
}
