package dev.kqlhunt.symbols;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads files of the shared corpus (system property {@code kqlhunt.shared}); missing files fail the test. */
final class SharedFiles {
  private SharedFiles() {}

  static Path path(String relative) {
    Path root = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"));
    Path p = root.resolve(relative);
    assertTrue(Files.isRegularFile(p), "shared file missing: " + p + " (set -Dkqlhunt.shared)");
    return p;
  }

  static String read(String relative) throws IOException {
    return Files.readString(path(relative), StandardCharsets.UTF_8);
  }
}
