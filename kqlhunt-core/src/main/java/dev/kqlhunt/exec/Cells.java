package dev.kqlhunt.exec;

import dev.kqlhunt.exec.vector.BoolVector;
import dev.kqlhunt.exec.vector.DoubleVector;
import dev.kqlhunt.exec.vector.DynamicVector;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.value.Dynamic;

/**
 * The executor's boxed representation of one value, used by the row-at-a-time paths (functions
 * without a vector kernel, aggregates, join keys): {@code null} for a null; {@link Long} for int,
 * long, and for datetime and timespan ticks; {@link Double} for real and decimal; {@link Boolean};
 * {@link String} for string and guid (never null: an empty string); {@link Dynamic} (never {@code
 * DynNull}: that is Java null). The static type says how to read a {@code Long}.
 */
public final class Cells {
  private Cells() {}

  /** The value at {@code position} of {@code vector}. */
  public static Object get(Vector vector, int position) {
    if (vector.isNull(position)) return null;
    return switch (vector) {
      case LongVector v -> v.get(position);
      case DoubleVector v -> v.get(position);
      case BoolVector v -> v.get(position);
      case StringVector v -> v.get(position);
      case DynamicVector v -> v.get(position);
    };
  }

  /** {@code value} as a Dynamic ({@code Dynamic.NULL} for null), given its static type. */
  public static Dynamic toDynamic(Object value, dev.kqlhunt.symbols.ScalarType type) {
    if (value == null) return Dynamic.NULL;
    return switch (value) {
      case Dynamic d -> d;
      case Boolean b -> Dynamic.of(b);
      case Double d -> Dynamic.of(d);
      case Long l -> switch (type) {
        case DATETIME -> new Dynamic.DynDateTime(l);
        case TIMESPAN -> new Dynamic.DynTimespan(l);
        default -> Dynamic.of(l);
      };
      case String s -> Dynamic.of(s);
      default -> Dynamic.of(value.toString());
    };
  }

  /** A dynamic value in the boxed representation (scalars unwrapped to Long/Double/Boolean/String). */
  public static Object fromDynamic(Dynamic d) {
    return switch (d) {
      case Dynamic.DynNull n -> null;
      default -> d;
    };
  }
}
