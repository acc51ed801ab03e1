package dev.kqlhunt.rmm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks that span files (each file alone was checked while reading): the id equals the file name, and
 * ids, names and kept rule ids are unique across the catalog.
 */
final class CatalogValidator {
  private CatalogValidator() {}

  static List<CatalogProblem> validate(Map<String, RmmTool> byFile) {
    List<CatalogProblem> problems = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    Map<String, String> ruleIds = new HashMap<>();
    for (Map.Entry<String, RmmTool> e : byFile.entrySet()) {
      String file = e.getKey();
      RmmTool t = e.getValue();
      if (!file.equals(t.id() + ".yaml")) {
        problems.add(new CatalogProblem(file, 1, "id '" + t.id() + "' does not match the file name"));
      }
      unique(problems, ids, t.id(), file, "id");
      unique(problems, names, t.name().toLowerCase(Locale.ROOT), file, "name");
      for (KeptRule r : t.keptRules()) {
        unique(problems, ruleIds, r.id(), file, "rule id");
      }
    }
    return problems;
  }

  private static void unique(
      List<CatalogProblem> problems, Map<String, String> seen, String value, String file, String what) {
    String first = seen.putIfAbsent(value, file);
    if (first != null) {
      problems.add(new CatalogProblem(file, 1, "duplicate " + what + " '" + value + "' (also in " + first + ")"));
    }
  }
}
