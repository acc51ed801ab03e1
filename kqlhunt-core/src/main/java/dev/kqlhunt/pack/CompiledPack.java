package dev.kqlhunt.pack;

import java.util.List;

/**
 * A pack ready to run: every rule prepared once, its result over empty tables and its scan
 * conditions known ({@link PackRunner#compile}). Immutable; may be run many times over different data.
 */
public final class CompiledPack {
  private final List<PackRule> rules;
  private final DictionaryCache cache = new DictionaryCache();

  CompiledPack(List<PackRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Verdicts per dictionary, kept across runs of this pack. */
  DictionaryCache cache() {
    return cache;
  }

  List<PackRule> rules() {
    return rules;
  }

  /** Rules in the pack. */
  public int size() {
    return rules.size();
  }

  /** Rules that share scans; the others run alone over the whole data. */
  public int sharedCount() {
    int n = 0;
    for (PackRule r : rules) if (r.shared()) n++;
    return n;
  }

  /** Ids of the rules that run alone (errors, or table reads a pack cannot narrow). */
  public List<String> aloneIds() {
    return rules.stream().filter(r -> !r.shared()).map(r -> r.query().id()).toList();
  }
}
