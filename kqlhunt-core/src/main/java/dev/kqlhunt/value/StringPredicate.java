package dev.kqlhunt.value;

/**
 * A prepared test over one string value: the shape every string operator kernel takes once its
 * constant right-hand side has been compiled. Implementations are immutable, thread-safe and
 * allocation-free per call unless their javadoc says otherwise. Kusto strings are never null: a
 * missing value is the empty string.
 */
@FunctionalInterface
public interface StringPredicate {
  boolean test(String value);

  /** The negation ({@code !has}, {@code !contains}, ...), also allocation-free. */
  default StringPredicate negate() {
    StringPredicate self = this;
    return v -> !self.test(v);
  }
}
