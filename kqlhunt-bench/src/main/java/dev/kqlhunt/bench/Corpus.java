package dev.kqlhunt.bench;

import dev.kqlhunt.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The shared corpus the benchmarks read: `../shared` beside the checkout, or -Dkqlhunt.shared. */
final class Corpus {
  private Corpus() {}

  static Path shared() {
    Path p = Path.of(System.getProperty("kqlhunt.shared", "../shared")).toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("shared corpus not found at " + p + " (set -Dkqlhunt.shared)");
    }
    return p;
  }

  /** One {"id","query"} line of a JSON-lines file. */
  record Query(String id, String text) {}

  static List<Query> readQueries(Path jsonl) throws IOException {
    List<Query> out = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      Map<?, ?> obj = (Map<?, ?>) Json.parse(line);
      out.add(new Query(String.valueOf(obj.get("id")), String.valueOf(obj.get("query"))));
    }
    return out;
  }
}
