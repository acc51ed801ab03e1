package dev.kqlhunt.symbols;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link FunctionCatalog#resolve}: a resolved call or the reason it failed. The binder
 * turns failures into diagnostics (it owns the codes and the spans).
 */
public sealed interface CallResolution {

  /**
   * The call matches {@code signature}; its result has {@code type}. The call is typed even when a
   * string literal argument is outside its parameter's value list (as the official parser does, which
   * reports KS140 and goes on): then {@code badValueIndex} is that argument's index and
   * {@code allowedValues} lists the values allowed; otherwise -1 and empty.
   */
  record Resolved(
      FunctionSymbol function, Signature signature, ScalarType type, int badValueIndex, List<String> allowedValues)
      implements CallResolution {
    public Resolved {
      Objects.requireNonNull(function, "function is null");
      Objects.requireNonNull(signature, "signature is null");
      Objects.requireNonNull(type, "type is null");
      allowedValues = List.copyOf(allowedValues);
    }

    /** A call without value problems. */
    public Resolved(FunctionSymbol function, Signature signature, ScalarType type) {
      this(function, signature, type, -1, List.of());
    }

    /** Whether a literal argument is outside its value list; see {@link #badValueIndex()}. */
    public boolean hasBadValue() {
      return badValueIndex >= 0;
    }
  }

  /** No function has this name; {@code suggestion} is the closest known name, or null. */
  record UnknownFunction(String name, String suggestion) implements CallResolution {}

  /** No overload takes {@code actual} arguments. */
  record WrongArgumentCount(FunctionSymbol function, int actual, int min, int max)
      implements CallResolution {
    /** Kusto-like wording: {@code 2 arguments}, {@code between 1 and 3 arguments}, {@code at least 2 arguments}. */
    public String expected() {
      if (min == max) {
        return min + (min == 1 ? " argument" : " arguments");
      }
      if (max >= Parameter.MANY) {
        return "at least " + min + (min == 1 ? " argument" : " arguments");
      }
      return "between " + min + " and " + max + " arguments";
    }
  }

  /**
   * The argument at {@code index} fits no overload; {@code expected} describes the types accepted at that
   * position by the closest overload ({@code string}, {@code number}, ...).
   */
  record WrongArgumentType(FunctionSymbol function, int index, String expected, ScalarType actual)
      implements CallResolution {}

  /** The {@code COMMON_*} arguments have no common type ({@code iff(c, 1, "a")}). */
  record NoCommonType(FunctionSymbol function, String types) implements CallResolution {}

  /** The argument at {@code index} must be a constant (or literal, or column, or {@code *}) and is not. */
  record WrongArgumentKind(FunctionSymbol function, int index, ArgumentKind expected)
      implements CallResolution {}
}
