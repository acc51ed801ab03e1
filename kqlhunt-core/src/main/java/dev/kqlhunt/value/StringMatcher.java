package dev.kqlhunt.value;

import java.util.Objects;

/**
 * The substring family of Kusto string operators compiled once per constant needle: {@code ==},
 * {@code =~}, {@code contains}, {@code startswith}, {@code endswith}, each case-insensitive or
 * {@code _cs}. Unlike {@link TermMatcher} these ignore term boundaries: {@code "myrdp.exe" contains
 * "rdp"} is true. The empty needle is contained in, starts and ends every value; it equals only the
 * empty string.
 *
 * <p>Thread-safe and allocation-free per {@link #test}.
 */
public final class StringMatcher implements StringPredicate {
  /** The comparison performed. */
  public enum Kind {
    EQUALS,
    CONTAINS,
    STARTS_WITH,
    ENDS_WITH
  }

  private final Needle needle;
  private final Kind kind;

  public StringMatcher(Kind kind, String needle, boolean caseSensitive) {
    this.kind = Objects.requireNonNull(kind, "kind is null");
    this.needle = new Needle(Objects.requireNonNull(needle, "needle is null"), caseSensitive);
  }

  /** {@code ==} when {@code caseSensitive}, else {@code =~}. */
  public static StringMatcher equalTo(String needle, boolean caseSensitive) {
    return new StringMatcher(Kind.EQUALS, needle, caseSensitive);
  }

  public static StringMatcher contains(String needle, boolean caseSensitive) {
    return new StringMatcher(Kind.CONTAINS, needle, caseSensitive);
  }

  public static StringMatcher startsWith(String needle, boolean caseSensitive) {
    return new StringMatcher(Kind.STARTS_WITH, needle, caseSensitive);
  }

  public static StringMatcher endsWith(String needle, boolean caseSensitive) {
    return new StringMatcher(Kind.ENDS_WITH, needle, caseSensitive);
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public boolean test(String value) {
    int n = needle.length();
    int len = value.length();
    return switch (kind) {
      case EQUALS -> len == n && needle.matchesAt(value, 0);
      case STARTS_WITH -> len >= n && needle.matchesAt(value, 0);
      case ENDS_WITH -> len >= n && needle.matchesAt(value, len - n);
      case CONTAINS -> needle.search(value, false, false);
    };
  }

}
