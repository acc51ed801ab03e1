package dev.kqlhunt.value;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;

/**
 * Compiles Kusto regular expressions (regex.md) with RE2/J: matching is linear-time, so no rule can
 * hang the engine. Kusto's dialect is RE2-like with Unicode-aware Perl classes; {@link
 * RegexTranslator} rewrites the differences first (see there for what remains approximate).
 * Inline flags {@code (?i)}, {@code (?m)}, {@code (?s)}, {@code (?U)} work as in Kusto. Functions that take a
 * separate flags string ({@code extract_all}, {@code regex} options) use {@link #compile(String,
 * String)} with the letters {@code i} (case-insensitive), {@code m} (multi-line), {@code s} (dot
 * matches newline) and {@code U} (ungreedy).
 *
 * <p>{@code matches regex} is a search ({@link Pattern#matcher} + {@code find}), not a whole-value
 * match: {@code "abc" matches regex "b"} is true. Compilation never throws: a bad pattern yields a
 * {@link Compiled} with an error message for a diagnostic. A compiled pattern is thread-safe.
 */
public final class KustoRegex {
  private KustoRegex() {}

  /** The outcome of compiling: exactly one of {@code pattern} and {@code error} is non-null. */
  public record Compiled(Pattern pattern, String error) {
    public Compiled {
      if ((pattern == null) == (error == null)) {
        throw new IllegalArgumentException("exactly one of pattern and error must be set");
      }
    }

    public boolean ok() {
      return pattern != null;
    }

    /**
     * {@code matches regex} as a prepared predicate; requires {@link #ok()}. Thread-safe; costs one
     * small matcher allocation per value (RE2/J matchers are not reusable across threads), which
     * is why string filters run it once per dictionary entry, not per row.
     */
    public StringPredicate asPredicate() {
      Pattern p = Objects.requireNonNull(pattern, "pattern did not compile");
      return v -> p.matcher(v).find();
    }
  }

  public static Compiled compile(String pattern) {
    return compile(pattern, "");
  }

  /** Compiles {@code pattern} with a Kusto flags string (letters {@code imsU}, any order). */
  public static Compiled compile(String pattern, String flags) {
    Objects.requireNonNull(pattern, "pattern is null");
    StringBuilder inline = new StringBuilder();
    for (int i = 0; i < flags.length(); i++) {
      char f = flags.charAt(i);
      if ("imsU".indexOf(f) < 0) {
        return new Compiled(null, "unknown regex flag '" + f + "'");
      }
      if (inline.indexOf(String.valueOf(f)) < 0) inline.append(f);
    }
    String translated = RegexTranslator.translate(pattern);
    String text = inline.isEmpty() ? translated : "(?" + inline + ")" + translated;
    try {
      return new Compiled(Pattern.compile(text), null);
    } catch (PatternSyntaxException e) {
      return new Compiled(null, e.getMessage());
    }
  }
}
