package dev.kqlhunt.symbols;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One declared parameter of a {@link Signature}. A parameter occurs between {@code minOccurs} and
 * {@code maxOccurs} times: {@code 1..1} is required, {@code 0..1} optional, {@code 1..N} repeatable.
 * Consecutive repeatable parameters repeat together as a block ({@code case(p1, v1, p2, v2, ..., else)}).
 *
 * @param types the accepted types when {@code typeClass} is {@link TypeClass#DECLARED}, else empty
 * @param values the allowed values of a constant string argument ({@code datetime_diff}'s part: {@code
 *     year}, {@code day}, ...), compared case-insensitively; empty when any value is allowed
 */
public record Parameter(
    String name,
    TypeClass typeClass,
    Set<ScalarType> types,
    ArgumentKind argumentKind,
    int minOccurs,
    int maxOccurs,
    List<String> values) {

  /** The largest repetition count Kusto allows; stands for "unbounded". */
  public static final int MANY = 32767;

  public Parameter {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(typeClass, "typeClass is null");
    Objects.requireNonNull(argumentKind, "argumentKind is null");
    types = Set.copyOf(types);
    values = List.copyOf(values);
    if (typeClass == TypeClass.DECLARED && types.isEmpty()) {
      throw new IllegalArgumentException("declared parameter " + name + " lists no types");
    }
    if (minOccurs < 0 || maxOccurs < 1 || minOccurs > maxOccurs) {
      throw new IllegalArgumentException("bad occurrence " + minOccurs + ".." + maxOccurs + " for " + name);
    }
  }

  /** A parameter without a value list. */
  public Parameter(
      String name, TypeClass typeClass, Set<ScalarType> types, ArgumentKind argumentKind, int minOccurs, int maxOccurs) {
    this(name, typeClass, types, argumentKind, minOccurs, maxOccurs, List.of());
  }

  /** Whether {@code value} (a string literal's value) is allowed; always true without a value list. */
  public boolean allowsValue(String value) {
    if (values.isEmpty()) {
      return true;
    }
    for (String v : values) {
      if (v.equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  public boolean isOptional() {
    return minOccurs == 0;
  }

  public boolean isRepeatable() {
    return maxOccurs > 1;
  }

  /**
   * Whether an argument of type {@code t} fits, on its own, allowing Kusto's implicit promotions
   * ({@link OperatorTyping#isPromotable}). Cross-argument rules (common type, same-as) are not checked
   * here.
   */
  public boolean accepts(ScalarType t) {
    if (typeClass != TypeClass.DECLARED) {
      return typeClass.accepts(t);
    }
    if (t == ScalarType.UNKNOWN || types.contains(t)) {
      return true;
    }
    for (ScalarType declared : types) {
      if (OperatorTyping.isPromotable(t, declared)) {
        return true;
      }
    }
    return false;
  }

  /** Describes the accepted types for a diagnostic: {@code string}, {@code long or real}, {@code number}. */
  public String describeTypes() {
    if (typeClass != TypeClass.DECLARED) {
      return typeClass.name().toLowerCase(Locale.ROOT).replace("common_", "").replace('_', ' ');
    }
    StringBuilder sb = new StringBuilder();
    for (ScalarType t : ScalarType.values()) {
      if (types.contains(t)) {
        sb.append(sb.isEmpty() ? "" : " or ").append(t.kustoName());
      }
    }
    return sb.toString();
  }
}
