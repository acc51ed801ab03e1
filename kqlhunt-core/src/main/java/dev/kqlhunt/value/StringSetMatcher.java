package dev.kqlhunt.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kusto's list operators over strings, compiled once per constant list.
 *
 * <ul>
 *   <li>{@link #hasAny}: true if the value {@code has} at least one needle (term semantics of {@link
 *       TermMatcher}); an empty list matches nothing.
 *   <li>{@link #hasAll}: true if the value {@code has} every needle; an empty list matches
 *       everything (the vacuous truth; Kusto rejects an empty list at bind time anyway).
 *   <li>{@link #in}: {@code in} (case-sensitive) and {@code in~} (case-insensitive) whole-value
 *       equality against the set.
 * </ul>
 *
 * <p>Needles that are a single term (only term characters, the usual case: {@code "anydesk"},
 * {@code "rundll32"}) go into a hash set probed once per term of the value, so the cost is one
 * pass over the value whatever the list length. Needles with punctuation ({@code "anydesk.com"})
 * are indexed by their leading term ({@code anydesk}) and verified only where that term occurs;
 * only needles that start with punctuation ({@code ".exe"}) cost a pass each. Thread-safe and allocation-free per value (except
 * {@code has_all} with more than 64 single-term needles, which allocates a small bitmap).
 */
public final class StringSetMatcher implements StringPredicate {
  private enum Mode {
    ANY,
    ALL,
    IN
  }

  private final Mode mode;
  /** IN: the whole values. ANY/ALL: the single-term needles. */
  private final FoldedStringSet set;
  /** ANY/ALL: needles with punctuation, and the empty needle. */
  private final TermMatcher[] phrases;
  /** ANY: the distinct leading terms of the phrases that have one. */
  private final FoldedStringSet triggers;
  /** ANY: for each trigger, the phrases it starts. */
  private final TermMatcher[][] phrasesByTrigger;
  /** ANY: phrases without a leading term (they start with punctuation), scanned one by one. */
  private final TermMatcher[] untriggered;

  private StringSetMatcher(Mode mode, List<String> needles, boolean caseSensitive) {
    this.mode = mode;
    List<String> terms = new ArrayList<>();
    List<TermMatcher> others = new ArrayList<>();
    for (String n : needles) {
      if (mode == Mode.IN || isSingleTerm(n)) {
        terms.add(n);
      } else {
        others.add(TermMatcher.has(n, caseSensitive));
      }
    }
    this.set = new FoldedStringSet(terms, caseSensitive);
    this.phrases = others.toArray(new TermMatcher[0]);
    Map<String, List<TermMatcher>> byTrigger = new LinkedHashMap<>();
    List<TermMatcher> rest = new ArrayList<>();
    for (TermMatcher t : others) {
      String lead = t.leadingTerm();
      if (lead == null || lead.isEmpty()) {
        rest.add(t);
      } else {
        byTrigger.computeIfAbsent(key(lead, caseSensitive), k -> new ArrayList<>()).add(t);
      }
    }
    this.triggers = new FoldedStringSet(new ArrayList<>(byTrigger.keySet()), caseSensitive);
    this.phrasesByTrigger = new TermMatcher[byTrigger.size()][];
    int i = 0;
    for (List<TermMatcher> list : byTrigger.values()) {
      phrasesByTrigger[i++] = list.toArray(new TermMatcher[0]);
    }
    this.untriggered = rest.toArray(new TermMatcher[0]);
  }

  private static String key(String term, boolean caseSensitive) {
    if (caseSensitive) return term;
    char[] chars = term.toCharArray();
    for (int i = 0; i < chars.length; i++) chars[i] = CharFold.fold(chars[i]);
    return new String(chars);
  }

  /** {@code has_any(needles)} ({@code caseSensitive=false} is Kusto's only form). */
  public static StringSetMatcher hasAny(List<String> needles, boolean caseSensitive) {
    return new StringSetMatcher(Mode.ANY, List.copyOf(needles), caseSensitive);
  }

  /** {@code has_all(needles)}. */
  public static StringSetMatcher hasAll(List<String> needles, boolean caseSensitive) {
    return new StringSetMatcher(Mode.ALL, List.copyOf(needles), caseSensitive);
  }

  /** {@code in} ({@code caseSensitive}) or {@code in~}. */
  public static StringSetMatcher in(List<String> values, boolean caseSensitive) {
    return new StringSetMatcher(Mode.IN, List.copyOf(values), caseSensitive);
  }

  @Override
  public boolean test(String value) {
    return switch (mode) {
      case ANY -> any(value);
      case ALL -> all(value);
      case IN -> set.indexOf(value, 0, value.length()) >= 0;
    };
  }

  private boolean any(String value) {
    boolean scanTerms = set.size() > 0 || triggers.size() > 0;
    int n = scanTerms ? value.length() : 0;
    int i = 0;
    while (i < n) {
      while (i < n && !CharFold.isTermChar(value.charAt(i))) i++;
      int start = i;
      while (i < n && CharFold.isTermChar(value.charAt(i))) i++;
      if (i == start) break;
      if (set.indexOf(value, start, i) >= 0) return true;
      int trigger = triggers.indexOf(value, start, i);
      if (trigger >= 0 && anyPhraseAt(trigger, value, start)) return true;
    }
    for (TermMatcher t : untriggered) {
      if (t.test(value)) return true;
    }
    return false;
  }

  private boolean anyPhraseAt(int trigger, String value, int start) {
    for (TermMatcher t : phrasesByTrigger[trigger]) {
      if (t.matchesAtTermStart(value, start)) return true;
    }
    return false;
  }

  private boolean all(String value) {
    for (TermMatcher t : phrases) {
      if (!t.test(value)) return false;
    }
    int needed = set.size();
    if (needed == 0) return true;
    return needed <= 64 ? allSmall(value, needed) : allLarge(value, needed);
  }

  private boolean allSmall(String value, int needed) {
    long found = 0;
    int n = value.length();
    int i = 0;
    while (i < n) {
      while (i < n && !CharFold.isTermChar(value.charAt(i))) i++;
      int start = i;
      while (i < n && CharFold.isTermChar(value.charAt(i))) i++;
      int index = i > start ? set.indexOf(value, start, i) : -1;
      if (index >= 0) {
        found |= 1L << index;
        if (Long.bitCount(found) == needed) return true;
      }
    }
    return false;
  }

  private boolean allLarge(String value, int needed) {
    boolean[] found = new boolean[needed];
    int count = 0;
    int n = value.length();
    int i = 0;
    while (i < n) {
      while (i < n && !CharFold.isTermChar(value.charAt(i))) i++;
      int start = i;
      while (i < n && CharFold.isTermChar(value.charAt(i))) i++;
      int index = i > start ? set.indexOf(value, start, i) : -1;
      if (index >= 0 && !found[index]) {
        found[index] = true;
        if (++count == needed) return true;
      }
    }
    return false;
  }

  private static boolean isSingleTerm(String needle) {
    if (needle.isEmpty()) return false;
    for (int i = 0; i < needle.length(); i++) {
      if (!CharFold.isTermChar(needle.charAt(i))) return false;
    }
    return true;
  }
}
