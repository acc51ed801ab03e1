package dev.kqlhunt.symbols;

import java.util.Objects;

/**
 * What the catalogue needs to know about one argument of a call, without the syntax tree.
 *
 * @param type the argument's type ({@link ScalarType#UNKNOWN} if it could not be typed; for a tabular
 *     argument of {@code toscalar}, the type of the table's first column)
 * @param name the argument's own result name if it has one (a column {@code x} gives {@code x}, a path
 *     {@code a.x} or {@code a["x"]} gives {@code a_x}; a call gives its default name, see
 *     {@link ColumnNaming}); null if none
 * @param literal the source text of the argument when it is a literal: {@code 50}, {@code 95.5},
 *     {@code "day"} (string literals keep their quotes, so {@code "50"} and {@code 50} differ); null
 *     otherwise
 * @param constant true when the argument is a literal or a constant expression
 * @param star true for the {@code *} argument ({@code arg_max(T, *)})
 * @param tabular true when the argument is a tabular expression
 * @param typeLiteral the type named by a {@code typeof(...)} argument, else null
 */
public record Argument(
    ScalarType type,
    String name,
    String literal,
    boolean constant,
    boolean star,
    boolean tabular,
    ScalarType typeLiteral) {
  public Argument {
    Objects.requireNonNull(type, "type is null");
  }

  /** A non-constant expression with no name: {@code a + b}. */
  public static Argument of(ScalarType type) {
    return new Argument(type, null, null, false, false, false, null);
  }

  /** A column reference or another named expression. */
  public static Argument ofColumn(String name, ScalarType type) {
    return new Argument(type, Objects.requireNonNull(name, "name is null"), null, false, false, false, null);
  }

  /** A literal, with its text as written. */
  public static Argument ofLiteral(ScalarType type, String text) {
    return new Argument(type, null, Objects.requireNonNull(text, "text is null"), true, false, false, null);
  }

  /** The {@code *} argument. */
  public static Argument ofStar() {
    return new Argument(ScalarType.UNKNOWN, null, null, false, true, false, null);
  }

  /** A tabular argument; {@code firstColumnType} is the type of its first column (or unknown). */
  public static Argument ofTabular(ScalarType firstColumnType) {
    return new Argument(firstColumnType, null, null, false, false, true, null);
  }

  /** A {@code typeof(t)} argument. */
  public static Argument ofTypeLiteral(ScalarType t) {
    return new Argument(ScalarType.UNKNOWN, null, null, true, false, false, Objects.requireNonNull(t));
  }
}
