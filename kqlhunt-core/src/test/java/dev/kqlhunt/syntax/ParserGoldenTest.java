package dev.kqlhunt.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kqlhunt.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code syntax/golden/NAME.kql} is parsed and its printed tree plus diagnostics
 * must equal {@code NAME.tree}. Run with {@code -Dkqlhunt.regenerate=true} to rewrite the expected
 * files after an intended change, then review the diff.
 */
class ParserGoldenTest {
  static final Path DIR = Path.of("src/test/resources/syntax/golden");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".kql"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
      assertFalse(names.isEmpty(), "no golden cases in " + DIR.toAbsolutePath());
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void treeMatchesGoldenFile(String name) throws IOException {
    String query = Files.readString(DIR.resolve(name + ".kql"), StandardCharsets.UTF_8);
    ParseResult result = Parser.parse(query);
    assertNull(TreeInvariants.check(result.tree(), query.length()), name);
    String actual = render(result);
    Path expectedFile = DIR.resolve(name + ".tree");
    if (Boolean.getBoolean("kqlhunt.regenerate") || !Files.exists(expectedFile)) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      if (!Boolean.getBoolean("kqlhunt.regenerate")) {
        throw new AssertionError("golden file was missing and has been written: " + expectedFile);
      }
    }
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, name);
  }

  static String render(ParseResult result) {
    StringBuilder out = new StringBuilder(TreePrinter.print(result.tree()));
    out.append("-- diagnostics: ").append(result.diagnostics().size()).append('\n');
    for (Diagnostic d : result.diagnostics()) {
      var pos = result.source().position(d.span().start());
      out.append(pos.line()).append(':').append(pos.column()).append(": ").append(d.code().id()).append(' ')
          .append(d.message()).append('\n');
    }
    return out.toString();
  }
}
