package dev.kqlhunt.rmm.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the first two columns of xref_jischell_lolrmm.csv: jischell tool to its LOLRMM files. */
final class Xref {
  private Xref() {}

  static Map<String, List<String>> read(Path csv) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      // The first two columns never hold quotes or commas; later columns may, and are not read here.
      String[] cols = line.split(",", 3);
      List<String> files = new ArrayList<>();
      for (String f : cols[1].split(";")) {
        if (!f.isBlank()) {
          files.add(f.strip());
        }
      }
      out.put(cols[0].strip(), files);
    }
    return out;
  }
}
