package dev.kqlhunt.hunt;

import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.RuleLoader;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.exclusions.ExclusionLoader;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.text.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules, exclusions and rule tests shipped inside the jar under {@code dev/kqlhunt/content/}
 * ({@code rules/*.yaml}, {@code rules/*.tests.yaml}, {@code exclusions/*.yaml}), listed in {@code
 * content/index.txt} because a jar cannot be listed portably. Files are named {@code
 * bundled:<path>} in diagnostics and reports.
 */
public final class BundledContent {
  static final String ROOT = "/dev/kqlhunt/content/";
  public static final String PREFIX = "bundled:";

  private BundledContent() {}

  /** Paths relative to the content root, in index order. */
  public static List<String> index() {
    List<String> out = new ArrayList<>();
    for (String line : text("index.txt").split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) out.add(l);
    }
    return out;
  }

  /** A bundled file as source text named {@code bundled:<path>}. */
  public static SourceText read(String path) {
    return SourceText.of(PREFIX + path, text(path));
  }

  /** True when {@code path} (relative to the content root, {@code ..} resolved) is bundled. */
  public static boolean exists(String path) {
    return BundledContent.class.getResource(ROOT + path) != null;
  }

  public static InputStream open(String path) {
    InputStream in = BundledContent.class.getResourceAsStream(ROOT + path);
    if (in == null) throw new UncheckedIOException(new IOException("no bundled file " + path));
    return in;
  }

  public static List<LoadResult<SentinelRule>> rules() {
    RuleLoader loader = new RuleLoader();
    return index().stream().filter(p -> p.startsWith("rules/") && !p.endsWith(".tests.yaml"))
        .map(p -> loader.load(read(p))).toList();
  }

  public static List<LoadResult<ExclusionSet>> exclusions() {
    ExclusionLoader loader = new ExclusionLoader();
    return index().stream().filter(p -> p.startsWith("exclusions/")).map(p -> loader.load(read(p))).toList();
  }

  public static List<String> testFiles() {
    return index().stream().filter(p -> p.endsWith(".tests.yaml")).toList();
  }

  private static String text(String path) {
    try (InputStream in = open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
