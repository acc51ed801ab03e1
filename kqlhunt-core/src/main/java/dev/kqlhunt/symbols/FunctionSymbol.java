package dev.kqlhunt.symbols;

import java.util.List;
import java.util.Objects;

/**
 * A catalogued function: its canonical name, its kind, its overloads in the order Kusto tries them,
 * and how an unnamed call's result column is named.
 *
 * @param namePrefix the prefix used by {@link NameRule#PREFIX_AND_FIRST} and friends ({@code set} for
 *     {@code make_set}); {@code ""} when unused
 */
public record FunctionSymbol(
    String name, FunctionKind kind, List<Signature> signatures, NameRule nameRule, String namePrefix) {
  public FunctionSymbol {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(kind, "kind is null");
    signatures = List.copyOf(signatures);
    Objects.requireNonNull(nameRule, "nameRule is null");
    Objects.requireNonNull(namePrefix, "namePrefix is null");
    if (signatures.isEmpty() && kind != FunctionKind.PLUGIN) {
      throw new IllegalArgumentException("function " + name + " has no signature");
    }
  }

  public boolean isAggregate() {
    return kind == FunctionKind.AGGREGATE;
  }

  /** The fewest arguments over all overloads. */
  public int minArguments() {
    int min = Integer.MAX_VALUE;
    for (Signature s : signatures) {
      min = Math.min(min, s.minArguments());
    }
    return signatures.isEmpty() ? 0 : min;
  }

  /** The most arguments over all overloads. */
  public int maxArguments() {
    int max = 0;
    for (Signature s : signatures) {
      max = Math.max(max, s.maxArguments());
    }
    return signatures.isEmpty() ? Parameter.MANY : max;
  }
}
