package dev.kqlhunt.symbols;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every function the real Sentinel rules use ({@code FEATURES.csv}) is in the catalogue. */
@Tag("conformance")
class CatalogCoverageTest {

  @Test
  void everyFunctionUsedByTheRulesIsCatalogued() throws IOException {
    FunctionCatalog c = FunctionCatalog.builtIn();
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String line : SharedFiles.read("corpus/sentinel/FEATURES.csv").split("\n")) {
      String[] f = line.split(",");
      if (f.length < 2 || !(f[1].equals("scalar-function") || f[1].equals("aggregation-function"))) {
        continue;
      }
      // "iff|iif()" lists spellings of one function
      for (String name : f[0].replace("()", "").split("\\|")) {
        checked++;
        boolean found = f[1].equals("aggregation-function") ? c.aggregate(name) != null : c.scalar(name) != null;
        if (!found) {
          missing.add(name);
        }
      }
    }
    assertTrue(checked > 120, "FEATURES.csv lists too few functions: " + checked);
    assertEquals(List.of(), missing);
  }

  @Test
  void catalogueIsLargeAndCoversTheKindsOfFunctions() {
    FunctionCatalog c = FunctionCatalog.builtIn();
    assertTrue(c.names(FunctionKind.SCALAR).size() > 350, "scalars: " + c.names(FunctionKind.SCALAR).size());
    assertTrue(c.names(FunctionKind.AGGREGATE).size() > 55, "aggregates");
    assertTrue(c.names(FunctionKind.PLUGIN).size() > 40, "plugins");
    for (String w : List.of("row_number", "prev", "next", "row_cumsum", "row_window_session")) {
      assertEquals(FunctionKind.WINDOW, c.scalar(w).kind(), w);
    }
    for (String s : List.of("toscalar", "materialize", "series_decompose_anomalies", "geo_distance_2points",
        "ipv6_is_match", "hash_sha256", "base64_decode_tostring", "url_decode", "parse_command_line")) {
      assertTrue(c.scalar(s) != null, s);
    }
  }
}
