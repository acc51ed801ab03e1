package dev.kqlhunt.value;

import java.util.Objects;

/**
 * The {@code has} family of Kusto string operators, compiled once per constant needle.
 *
 * <p>A <em>term</em> is a maximal run of term characters (ASCII letters and digits, and non-ASCII
 * letters and digits); every other character separates terms. Kusto indexes only terms of three or
 * more characters, but that is an index detail: the semantics here are exact for any length.
 *
 * <p>The needle is matched as a substring whose ends are anchored to term boundaries:
 *
 * <ul>
 *   <li>{@link Kind#HAS}: if the needle starts with a term character, the match must start a term
 *       (no term character before it); if it ends with a term character, the match must end a term.
 *       So {@code "c:\x\rdp.exe.mui" has "rdp.exe"} is true and {@code "myrdp.exe" has "rdp.exe"}
 *       is false; a multi-term needle such as {@code "Remote Desktop"} matches the phrase.
 *   <li>{@link Kind#PREFIX}: only the start is anchored ({@code hasprefix}).
 *   <li>{@link Kind#SUFFIX}: only the end is anchored ({@code hassuffix}).
 * </ul>
 *
 * A needle edge that is punctuation anchors nothing (it already is a boundary), and the empty needle
 * matches every value. Case-insensitive unless built with {@code caseSensitive}.
 *
 * <p>Thread-safe and allocation-free per {@link #test}. Candidate starts are found with {@code
 * String.indexOf} on the needle's possible first chars (a vectorised intrinsic), then checked;
 * worst case O(value length × needle length).
 */
public final class TermMatcher implements StringPredicate {
  /** Which ends of the needle are anchored to term boundaries. */
  public enum Kind {
    HAS,
    PREFIX,
    SUFFIX
  }

  private final Needle needle;
  private final Kind kind;
  private final boolean anchorStart;
  private final boolean anchorEnd;

  private TermMatcher(String needle, Kind kind, boolean caseSensitive) {
    Objects.requireNonNull(needle, "needle is null");
    this.needle = new Needle(needle, caseSensitive);
    this.kind = Objects.requireNonNull(kind, "kind is null");
    int n = needle.length();
    this.anchorStart = kind != Kind.SUFFIX && n > 0 && CharFold.isTermChar(needle.charAt(0));
    this.anchorEnd = kind != Kind.PREFIX && n > 0 && CharFold.isTermChar(needle.charAt(n - 1));
  }

  /** {@code has} ({@code caseSensitive=false}) or {@code has_cs}. */
  public static TermMatcher has(String needle, boolean caseSensitive) {
    return new TermMatcher(needle, Kind.HAS, caseSensitive);
  }

  /** {@code hasprefix} or {@code hasprefix_cs}. */
  public static TermMatcher hasPrefix(String needle, boolean caseSensitive) {
    return new TermMatcher(needle, Kind.PREFIX, caseSensitive);
  }

  /** {@code hassuffix} or {@code hassuffix_cs}. */
  public static TermMatcher hasSuffix(String needle, boolean caseSensitive) {
    return new TermMatcher(needle, Kind.SUFFIX, caseSensitive);
  }

  public Kind kind() {
    return kind;
  }

  /** The needle as given. */
  public String needle() {
    return new String(needle.chars);
  }

  @Override
  public boolean test(String value) {
    return needle.search(value, anchorStart, anchorEnd);
  }

  /**
   * The needle's leading term ({@code "rdp"} of {@code "rdp.exe"}) when a match must start at a term
   * start, else null. Set matchers use it to find candidate positions while scanning terms once.
   */
  String leadingTerm() {
    if (!anchorStart) return null;
    int end = 0;
    while (end < needle.length() && CharFold.isTermChar(needle.chars[end])) end++;
    return new String(needle.chars, 0, end);
  }

  /** Whether the needle matches at {@code start}, a position already known to start a term. */
  boolean matchesAtTermStart(String value, int start) {
    int end = start + needle.length();
    if (end > value.length()) return false;
    if (anchorEnd && end < value.length() && CharFold.isTermChar(value.charAt(end))) return false;
    return needle.matchesAt(value, start);
  }

  @Override
  public String toString() {
    String op =
        switch (kind) {
          case HAS -> "has";
          case PREFIX -> "hasprefix";
          case SUFFIX -> "hassuffix";
        };
    return op + (needle.caseSensitive ? "_cs \"" : " \"") + needle() + '"';
  }
}
