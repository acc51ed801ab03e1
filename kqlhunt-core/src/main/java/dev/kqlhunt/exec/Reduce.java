package dev.kqlhunt.exec;

import dev.kqlhunt.binder.OperatorSpec;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code reduce by e [with threshold=t, characters=c]}: groups strings into patterns. Kusto's own
 * clustering is not published; this is a deterministic approximation documented in docs/EXECUTION.md:
 * each value is split into terms (runs of letters and digits) and delimiters (every other character,
 * plus {@code characters}); values with the same sequence of delimiters form a candidate group, whose
 * pattern keeps the terms all its values share and writes {@code *} for the others, a delimiter next
 * to a {@code *} being absorbed into it. A group becomes a pattern when it is not all {@code *} and it
 * holds more than {@code threshold} (default 0.1) of the rows; the rest are counted as {@code others}
 * (representative empty). Output: Pattern, Count, Representative (the group's first value), by count
 * descending.
 */
final class Reduce {
  private Reduce() {}

  static Table reduce(ExprEvaluator eval, Table input, OperatorSpec.Reduce spec, List<ColumnSymbol> columns) {
    double threshold = spec.threshold() == null ? 0.1 : Coerce.toReal(ScalarOps.unwrap(eval.constant(spec.threshold())));
    String extra = spec.characters() == null ? "" : spec.characters();
    Vector values = eval.evaluate(spec.by(), input);
    int n = input.rowCount();
    Map<String, Group> groups = new LinkedHashMap<>();
    for (int r = 0; r < n; r++) {
      Object v = Cells.get(values, r);
      String text = v == null ? "" : Coerce.toStringValue(v, spec.by().type());
      Split s = split(text, extra);
      groups.computeIfAbsent(String.join("\u0000", s.delimiters) + "\u0001" + s.terms.size(), k -> new Group(s, text)).add(s);
    }
    List<Object[]> rows = new ArrayList<>();
    long others = 0;
    for (Group g : groups.values()) {
      String pattern = g.pattern();
      if (pattern.equals("*") || g.count <= threshold * n) others += g.count;
      else rows.add(new Object[] {pattern, (long) g.count, g.representative});
    }
    rows.sort((a, b) -> Long.compare((Long) b[1], (Long) a[1]));
    if (others > 0) rows.add(new Object[] {"others", others, ""});
    TableBuilder out = new TableBuilder(columns, rows.size());
    for (Object[] row : rows) out.addRow(row);
    return out.build();
  }

  /** Terms and the delimiter runs around them: delimiters.get(i) precedes terms.get(i); one more trails. */
  private record Split(List<String> terms, List<String> delimiters) {}

  static Split split(String text, String extra) {
    List<String> terms = new ArrayList<>();
    List<String> delimiters = new ArrayList<>();
    StringBuilder delim = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (Character.isLetterOrDigit(ch) && extra.indexOf(ch) < 0) {
        int s = i;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i)) && extra.indexOf(text.charAt(i)) < 0) i++;
        delimiters.add(delim.toString());
        delim.setLength(0);
        terms.add(text.substring(s, i));
      } else {
        delim.append(ch);
        i++;
      }
    }
    delimiters.add(delim.toString());
    return new Split(terms, delimiters);
  }

  private static final class Group {
    final Split first;
    final String representative;
    final boolean[] varies;
    int count;

    Group(Split first, String representative) {
      this.first = first;
      this.representative = representative;
      this.varies = new boolean[first.terms.size()];
    }

    void add(Split s) {
      count++;
      for (int i = 0; i < varies.length; i++) if (!s.terms.get(i).equals(first.terms.get(i))) varies[i] = true;
    }

    /** Shared terms kept, varying ones {@code *}; a delimiter touching a {@code *} is absorbed. */
    String pattern() {
      StringBuilder sb = new StringBuilder();
      int k = varies.length;
      for (int i = 0; i <= k; i++) {
        boolean starBefore = i > 0 && varies[i - 1];
        boolean starAfter = i < k && varies[i];
        if (!starBefore && !starAfter) sb.append(first.delimiters.get(i));
        if (i < k) {
          if (!varies[i]) sb.append(first.terms.get(i));
          else if (sb.isEmpty() || sb.charAt(sb.length() - 1) != '*') sb.append('*');
        }
      }
      return sb.toString();
    }
  }
}
