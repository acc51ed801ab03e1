package dev.kqlhunt.rmm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper for kept jischell rules, which often AND a catalog fact with a condition the catalog does
 * not hold (a network rule also asks that the connecting process be the vendor's:
 * {@code InitiatingProcessVersionInfoCompanyName has 'AnyDesk'}). To test a fact through such a rule,
 * every other column the query compares with a literal is given the value the query names, so the
 * event differs from a real hit of the rule only in the column the fact is about. For a near miss of a
 * rule whose conditions are alternatives ({@code ... or FileName =~ 'x.exe'}), the other columns get
 * lookalike values instead, or the near miss would rightly fire through another alternative. A PE
 * version-info fact of a network rule describes the connecting process, so its columns are renamed to
 * the {@code InitiatingProcessVersionInfo*} ones.
 */
final class KeptRuleContext {
  private static final Pattern COMPARISON = Pattern.compile(
      "(\\w+)\\s+(has_any|has_all|has|=~|==|contains|startswith|in~)\\s*(\\([^)]*\\)|'[^']*'|\"[^\"]*\")");
  private static final Pattern LITERAL = Pattern.compile("@?'([^']*)'|@?\"([^\"]*)\"");

  private KeptRuleContext() {}

  /** The hit event of a kept rule for a fact's true positive. */
  static Map<String, String> hit(GeneratedRule rule, Map<String, String> sample) {
    return fill(rule.query(), onTable(rule, sample), false);
  }

  /** The near-miss event of a kept rule for a fact's near miss. */
  static Map<String, String> nearMiss(GeneratedRule rule, Map<String, String> sample) {
    return fill(rule.query(), onTable(rule, sample), rule.query().contains(" or "));
  }

  private static Map<String, String> onTable(GeneratedRule rule, Map<String, String> sample) {
    if (rule.kind() != RmmRuleKind.NETWORK) {
      return sample;
    }
    Map<String, String> out = new LinkedHashMap<>();
    sample.forEach((k, v) -> out.put(k.startsWith("ProcessVersionInfo") ? "Initiating" + k : k, v));
    return out;
  }

  /**
   * {@code event} plus, for every column of {@code query}'s comparisons it lacks, a matching value (a
   * lookalike that matches nothing when {@code lookalike}).
   */
  static Map<String, String> fill(String query, Map<String, String> event, boolean lookalike) {
    Map<String, String> out = new LinkedHashMap<>(event);
    Matcher m = COMPARISON.matcher(query);
    while (m.find()) {
      String column = m.group(1);
      if (out.containsKey(column)) {
        continue;
      }
      StringBuilder value = new StringBuilder();
      Matcher lit = LITERAL.matcher(m.group(3));
      while (lit.find()) {
        String v = lit.group(1) != null ? lit.group(1) : lit.group(2);
        value.append(value.isEmpty() ? "" : " ").append(v);
        if (!m.group(2).equals("has_all")) {
          break; // one alternative is enough; has_all needs every term
        }
      }
      out.put(column, lookalike ? RmmSamples.lookalikeTerm(value.toString()) : value.toString());
    }
    return out;
  }
}
