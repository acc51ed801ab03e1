package dev.kqlhunt.symbols;

import java.util.ArrayList;
import java.util.List;

/** Evaluates a {@link ResultRule} for a matched call, including the common-type checks. */
final class ResultTyping {
  private ResultTyping() {}

  static CallResolution type(FunctionSymbol f, Signature sig, List<Parameter> layout, List<Argument> args) {
    ScalarType common = null;
    boolean hasCommon = false;
    List<ScalarType> commonTypes = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (layout.get(i).typeClass().isCommon()) {
        hasCommon = true;
        commonTypes.add(args.get(i).type());
      }
    }
    if (hasCommon) {
      boolean nonDynamic = sig.result() instanceof ResultRule.CommonNonDynamic;
      common = nonDynamic ? commonNonDynamic(commonTypes) : commonType(commonTypes);
      if (common == null) {
        return new CallResolution.NoCommonType(f, describe(commonTypes));
      }
    }
    for (int i = 0; i < args.size(); i++) {
      int same = layout.get(i).typeClass().sameAsIndex();
      if (same >= 0 && same < args.size() && !compatible(args.get(same).type(), args.get(i).type())) {
        return new CallResolution.WrongArgumentType(f, i, args.get(same).type().kustoName(), args.get(i).type());
      }
    }
    return new CallResolution.Resolved(f, sig, result(sig.result(), args, common));
  }

  private static boolean compatible(ScalarType a, ScalarType b) {
    return a == b || a == ScalarType.UNKNOWN || b == ScalarType.UNKNOWN
        || (a.isNumeric() && b.isNumeric()) || a == ScalarType.DYNAMIC || b == ScalarType.DYNAMIC;
  }

  private static ScalarType result(ResultRule rule, List<Argument> args, ScalarType common) {
    return switch (rule) {
      case ResultRule.Fixed f -> f.type();
      case ResultRule.ArgType a -> argType(args, a.index());
      case ResultRule.ArgTypePromoted a -> promoteInt(argType(args, a.index()));
      case ResultRule.TypeLiteralArg t -> t.index() < args.size() && args.get(t.index()).typeLiteral() != null
          ? args.get(t.index()).typeLiteral() : ScalarType.UNKNOWN;
      case ResultRule.Common c -> common == null ? ScalarType.UNKNOWN : common;
      case ResultRule.CommonNonDynamic c -> common == null ? ScalarType.UNKNOWN : common;
      case ResultRule.Widest w -> widest(args);
      case ResultRule.ScalarOfTabular s -> argType(args, 0);
      case ResultRule.Tabular t -> ScalarType.UNKNOWN;
      case ResultRule.Tuple t -> t.columns().get(0).type();
      case ResultRule.Custom c -> custom(c.kind(), args);
    };
  }

  private static ScalarType custom(ResultRule.CustomKind kind, List<Argument> args) {
    return switch (kind) {
      case DYNAMIC -> ScalarType.DYNAMIC;
      case ARG_EXTREMUM, TAKE_ANY -> argType(args, 0);
      case PERCENTILE, PERCENTILES -> promoteInt(argType(args, 0));
    };
  }

  private static ScalarType argType(List<Argument> args, int index) {
    if (index >= args.size() || args.get(index).star()) {
      return ScalarType.UNKNOWN;
    }
    return args.get(index).type();
  }

  static ScalarType promoteInt(ScalarType t) {
    return t == ScalarType.INT ? ScalarType.LONG : t;
  }

  /** The widest numeric argument type, at least {@code long}: {@code bin(int, int)} is long. */
  private static ScalarType widest(List<Argument> args) {
    ScalarType w = ScalarType.LONG;
    for (Argument a : args) {
      if (a.type() == ScalarType.UNKNOWN) {
        return ScalarType.UNKNOWN;
      }
      w = w == null ? a.type() : OperatorTyping.widerNumber(w, a.type());
      if (w == null) {
        return ScalarType.UNKNOWN;
      }
    }
    return w;
  }

  /**
   * The common type of {@code coalesce}-like arguments: all equal, or all numbers (the widest wins);
   * {@code dynamic} counts as a type of its own. Unknowns are ignored. Null when there is none.
   */
  static ScalarType commonType(List<ScalarType> types) {
    ScalarType common = null;
    for (ScalarType t : types) {
      if (t == ScalarType.UNKNOWN || t == common) {
        continue;
      }
      common = common == null ? t : OperatorTyping.widerNumber(common, t);
      if (common == null) {
        return null;
      }
    }
    return common == null ? ScalarType.UNKNOWN : common;
  }

  /**
   * The common type of {@code iff}/{@code case} branches: dynamic branches are ignored when a typed one
   * exists; typed branches with no common type make the result {@code dynamic} rather than an error.
   */
  static ScalarType commonNonDynamic(List<ScalarType> types) {
    List<ScalarType> typed = new ArrayList<>();
    boolean sawDynamic = false;
    for (ScalarType t : types) {
      if (t == ScalarType.DYNAMIC) {
        sawDynamic = true;
      } else {
        typed.add(t);
      }
    }
    ScalarType common = commonType(typed);
    if (common == null) {
      return ScalarType.DYNAMIC;
    }
    return common == ScalarType.UNKNOWN && sawDynamic ? ScalarType.DYNAMIC : common;
  }

  private static String describe(List<ScalarType> types) {
    StringBuilder sb = new StringBuilder();
    for (ScalarType t : types) {
      sb.append(sb.isEmpty() ? "" : ", ").append(t.kustoName());
    }
    return sb.toString();
  }
}
