package dev.kqlhunt.rules;

import dev.kqlhunt.rules.yaml.Located;
import dev.kqlhunt.text.TextSpan;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sentinel's query placeholders: hunting queries may hold {@code {{StartTimeISO}}} and
 * {@code {{EndTimeISO}}}, which the Sentinel hunting blade replaces with the bounds of the chosen time
 * range before the query runs (70 corpus queries use them, always inside a string literal such as
 * {@code todatetime('{{StartTimeISO}}')}).
 *
 * <p>We substitute them with the run's window as ISO 8601 UTC with seven fractional digits
 * ({@code 2026-11-20T10:00:00.0000000Z}), the form Kusto itself prints for datetimes. Other
 * {@code {{Name}}} tokens (alert templates use them, a query should not) are left as written and
 * reported. Substitution changes lengths, so a {@link Substitution} maps offsets back to the original.
 */
public final class Placeholders {
  public static final String START_TIME = "StartTimeISO";
  public static final String END_TIME = "EndTimeISO";

  private static final DateTimeFormatter KUSTO_ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Placeholders() {}

  /** The values for a window [start, end): {@code StartTimeISO} and {@code EndTimeISO}. */
  public static Map<String, String> forWindow(Instant start, Instant end) {
    return Map.of(START_TIME, KUSTO_ISO.format(start), END_TIME, KUSTO_ISO.format(end));
  }

  /** Replaces every {@code {{Name}}} whose name is a key of {@code values}; others stay and are listed. */
  public static Substitution substitute(String text, Map<String, String> values) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    List<Replacement> replacements = new ArrayList<>();
    List<Located<String>> unknown = new ArrayList<>();
    int i = 0;
    while (true) {
      int open = text.indexOf("{{", i);
      int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
      if (open < 0 || close < 0) break;
      String name = text.substring(open + 2, close);
      if (!isName(name)) {
        out.append(text, i, open + 2);
        i = open + 2;
        continue;
      }
      out.append(text, i, open);
      String value = values.get(name);
      if (value == null) {
        unknown.add(new Located<>("{{" + name + "}}", TextSpan.of(open, close + 2)));
        out.append(text, open, close + 2);
      } else {
        replacements.add(new Replacement(out.length(), value.length(), open, close + 2 - open));
        out.append(value);
      }
      i = close + 2;
    }
    out.append(text, i, text.length());
    return new Substitution(out.toString(), List.copyOf(replacements), List.copyOf(unknown));
  }

  private static boolean isName(String s) {
    if (s.isEmpty() || s.length() > 64) return false;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (!(Character.isLetterOrDigit(c) || c == '_')) return false;
    }
    return true;
  }

  /** One replaced placeholder: where its value sits in the new text and the token in the original. */
  record Replacement(int newStart, int newLength, int oldStart, int oldLength) {}

  /**
   * The substituted text and the way back. {@code unknownPlaceholders} spans are in the original text.
   */
  public record Substitution(String text, List<Replacement> replacements, List<Located<String>> unknownPlaceholders) {
    /** The original offset of an offset in {@link #text()}; inside a value it maps to the token start. */
    public int originalOffset(int offset) {
      int shift = 0;
      for (Replacement r : replacements) {
        if (offset < r.newStart()) break;
        if (offset < r.newStart() + r.newLength()) return r.oldStart();
        shift = r.oldStart() + r.oldLength() - (r.newStart() + r.newLength());
      }
      return offset + shift;
    }
  }
}
