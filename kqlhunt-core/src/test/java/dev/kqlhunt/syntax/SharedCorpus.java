package dev.kqlhunt.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the shared Sentinel corpus; fails (never skips) when it is missing. */
final class SharedCorpus {
  private SharedCorpus() {}

  static Path sentinel() {
    Path root = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"));
    Path dir = root.resolve("corpus/sentinel");
    assertTrue(Files.isDirectory(dir), "shared corpus missing: " + dir + " (set -Dkqlhunt.shared)");
    return dir;
  }

  /** One JSON object per line. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> readJsonLines(Path file) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) rows.add((Map<String, Object>) Json.parse(line));
    }
    return rows;
  }

  /** The query texts of a QUERIES/MUTANTS file. */
  static List<String> queries(String fileName) throws IOException {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> row : readJsonLines(sentinel().resolve(fileName))) out.add((String) row.get("query"));
    return out;
  }
}
