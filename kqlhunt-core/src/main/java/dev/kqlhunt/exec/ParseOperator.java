package dev.kqlhunt.exec;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.kqlhunt.binder.BoundTabular.ParsePart;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.KustoRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code parse} and {@code parse-where} (parse-operator.md), by translating the pattern to one regex.
 *
 * <ul>
 *   <li>{@code simple} (default) and {@code relaxed}: literals are quoted, {@code *} and string
 *       columns are lazy {@code .*?}, typed columns match their type's text ({@code long}: {@code
 *       -?\d+}); the whole value must match (anchored at both ends, newlines included).
 *   <li>{@code regex}: literals are regexes; the first match anywhere counts; {@code *} and string
 *       columns are greedy {@code .*} unless the flags hold {@code U} (as the documented examples
 *       show).
 * </ul>
 *
 * A value that does not match gives nulls (empty strings) in every extracted column; a typed value
 * that does not convert makes the whole row fail in simple and regex modes, only its column in
 * relaxed mode, where a typed column prefers its type's text but may take any text. {@code
 * parse-where} drops the rows that failed.
 */
final class ParseOperator {
  private ParseOperator() {}

  static Table parse(ExprEvaluator eval, Table input, PlanNode.Parse p) {
    String kind = p.kind().toLowerCase(Locale.ROOT);
    boolean regexMode = kind.equals("regex");
    boolean relaxed = kind.equals("relaxed");
    List<ColumnSymbol> extracted = new ArrayList<>();
    Pattern pattern = compile(p, regexMode, relaxed, extracted);
    Vector source = eval.evaluate(p.source(), input);
    int n = input.rowCount();
    ColumnBuilder[] builders = new ColumnBuilder[extracted.size()];
    for (int i = 0; i < builders.length; i++) builders[i] = new ColumnBuilder(extracted.get(i).type(), n);
    int[] kept = new int[n];
    int count = 0;
    Object[] values = new Object[extracted.size()];
    for (int r = 0; r < n; r++) {
      boolean ok = match(pattern, Coerce.toStringValue(Cells.get(source, r), p.source().type()), extracted, relaxed, values);
      if (p.where() && !ok) continue;
      kept[count++] = r;
      for (int i = 0; i < values.length; i++) builders[i].append(ok || relaxed ? values[i] : null);
    }
    Table base = count == n ? input : input.gather(kept, count);
    List<Vector> vectors = new ArrayList<>();
    for (ColumnSymbol c : p.columns()) {
      int e = indexOf(extracted, c.name());
      if (e >= 0) {
        vectors.add(builders[e].build());
      } else {
        int at = base.indexOf(c.name());
        vectors.add(at < 0 ? ColumnBuilder.constant(c.type(), null, count) : Executor.typed(base.vector(at), c));
      }
    }
    return new Table(p.columns(), vectors, count);
  }

  private static int indexOf(List<ColumnSymbol> cols, String name) {
    for (int i = 0; i < cols.size(); i++) if (cols.get(i).name().equals(name)) return i;
    return -1;
  }

  private static Pattern compile(PlanNode.Parse p, boolean regexMode, boolean relaxed, List<ColumnSymbol> extracted) {
    String flags = p.flags() == null ? "" : p.flags();
    boolean lazy = !regexMode || flags.contains("U");
    String any = lazy ? ".*?" : ".*";
    StringBuilder re = new StringBuilder(regexMode ? "" : "^");
    for (ParsePart part : p.pattern()) {
      if (part.text() != null) {
        re.append(regexMode ? "(?:" + part.text() + ")" : Pattern.quote(part.text()));
      } else if (part.column() == null) {
        re.append(any);
      } else {
        extracted.add(part.column());
        // Relaxed mode lets a typed column take any text when its type's text does not fit there (the
        // value then converts to null); its type's text is preferred, so a column followed by * still
        // takes the number (parse-operator#8). Named groups: a regex-mode literal may hold groups too.
        String typed = typePattern(part.column().type(), any);
        re.append("(?P<c").append(extracted.size() - 1).append('>')
            .append(relaxed && !typed.equals(any) ? "(?:" + typed + "|" + any + ")" : typed).append(')');
      }
    }
    if (!regexMode) re.append('$');
    String reFlags = (regexMode ? flags.replace("U", "") : "") + "s";
    KustoRegex.Compiled c = KustoRegex.compile(re.toString(), reFlags);
    if (!c.ok()) throw new ExecutionException(ExecError.BAD_ARGUMENT, "parse", c.error());
    return c.pattern();
  }

  private static String typePattern(ScalarType type, String any) {
    return switch (type) {
      case INT, LONG -> "-?\\d+";
      case REAL, DECIMAL -> "-?\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?";
      case BOOL -> "(?i:true|false|1|0)";
      default -> any;
    };
  }

  /** Fills {@code values} from a match; false when there is none or a typed value fails (see class comment). */
  private static boolean match(Pattern pattern, String text, List<ColumnSymbol> extracted, boolean relaxed, Object[] values) {
    java.util.Arrays.fill(values, null);
    Matcher m = pattern.matcher(text);
    if (!m.find()) return false;
    boolean ok = true;
    for (int i = 0; i < values.length; i++) {
      String g = m.group("c" + i);
      ScalarType t = extracted.get(i).type();
      Object v = g == null ? null : Coerce.to(t, g);
      if (v == null && g != null && t != ScalarType.STRING && !relaxed) ok = false;
      values[i] = v;
    }
    return ok;
  }
}
