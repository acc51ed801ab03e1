package dev.kqlhunt.pack;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A necessary condition on the value of one string column, derived from a rule's scan predicate:
 * every row the predicate keeps meets it (it may also hold for rows the predicate drops). Keyed
 * conditions ({@link Term}, {@link Exact}) are looked up in one hash map per dictionary entry for
 * the whole pack; a {@link Test} is evaluated per dictionary entry for its rule.
 */
sealed interface Alt {
  /** The string column the condition reads. */
  String column();

  /** The value has every folded term of {@code keys} ({@link Terms#forEachTerm}); at least one key. */
  record Term(String column, List<String> keys) implements Alt {
    public Term {
      Objects.requireNonNull(column, "column is null");
      keys = List.copyOf(keys);
      if (keys.isEmpty()) throw new IllegalArgumentException("no key");
    }
  }

  /** The value, folded ({@link Terms#fold(String)}), equals {@code key}. */
  record Exact(String column, String key) implements Alt {
    public Exact {
      Objects.requireNonNull(column, "column is null");
      Objects.requireNonNull(key, "key is null");
    }
  }

  /**
   * The value satisfies {@code test} (built by the executor's own pushdown, exact semantics); every
   * value that does has the folded terms {@code keys} (possibly none), so the test need only run on
   * the dictionary entries holding the rarest key.
   */
  record Test(String column, Predicate<String> test, List<String> keys) implements Alt {
    public Test {
      Objects.requireNonNull(column, "column is null");
      Objects.requireNonNull(test, "test is null");
      keys = List.copyOf(keys);
    }
  }

  /**
   * The value is one of the dictionary entries {@code evaluate} selects: it gets the whole
   * dictionary and returns the codes of the entries that may meet the condition, or null when it
   * cannot tell (then every entry is a candidate). Used for conditions the engine must compute, such
   * as a join key derived from the column ({@link JoinConditions}).
   */
  record Computed(String column, java.util.function.Function<dev.kqlhunt.exec.vector.StringDictionary, int[]> evaluate)
      implements Alt {
    public Computed {
      Objects.requireNonNull(column, "column is null");
      Objects.requireNonNull(evaluate, "evaluate is null");
    }
  }

  /** A row meets a disjunction when it meets any of its alternatives. */
  record AnyOf(List<Alt> alts) {
    public AnyOf {
      alts = List.copyOf(alts);
      if (alts.isEmpty()) throw new IllegalArgumentException("no alternative");
    }

    boolean keyed() {
      for (Alt a : alts) if (a instanceof Test || a instanceof Computed) return false;
      return true;
    }
  }
}
