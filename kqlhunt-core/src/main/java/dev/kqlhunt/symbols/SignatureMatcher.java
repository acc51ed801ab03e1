package dev.kqlhunt.symbols;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches call arguments to the parameters of one {@link Signature} and types the result. Consecutive
 * repeatable parameters form a block that repeats as a unit; optional parameters are filled in order.
 * Stateless.
 */
final class SignatureMatcher {
  private SignatureMatcher() {}

  /**
   * The ways {@code count} arguments can bind to the signature's parameters, most repetitions of the
   * repeatable block first (so {@code array_sort_asc(a, b, true)} tries three arrays, then two arrays and
   * {@code nulls_last}); each way lists, per argument, its parameter. Empty when the count does not fit.
   */
  static List<List<Parameter>> layouts(Signature sig, int count) {
    List<Parameter> params = sig.parameters();
    int blockStart = -1;
    int blockEnd = -1;
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).isRepeatable()) {
        if (blockStart < 0) {
          blockStart = i;
        }
        blockEnd = i + 1;
      }
    }
    int required = 0;
    int optional = 0;
    for (int i = 0; i < params.size(); i++) {
      if (i >= blockStart && i < blockEnd) {
        continue;
      }
      required += params.get(i).minOccurs();
      optional += params.get(i).isOptional() ? 1 : 0;
    }
    List<List<Parameter>> out = new ArrayList<>(1);
    if (blockStart < 0) {
      int extra = count - required;
      if (extra >= 0 && extra <= optional) {
        out.add(fill(params, extra, -1, -1, 0));
      }
      return out;
    }
    int blockSize = blockEnd - blockStart;
    Parameter first = params.get(blockStart);
    for (int reps = Math.min(first.maxOccurs(), (count - required) / blockSize); reps >= first.minOccurs(); reps--) {
      int extra = count - required - reps * blockSize;
      if (extra >= 0 && extra <= optional) {
        out.add(fill(params, extra, blockStart, blockEnd, reps));
      }
    }
    return out;
  }

  /** The first of {@link #layouts}, or null. */
  static List<Parameter> layout(Signature sig, int count) {
    List<List<Parameter>> all = layouts(sig, count);
    return all.isEmpty() ? null : all.get(0);
  }

  private static List<Parameter> fill(List<Parameter> params, int optionalUsed, int blockStart, int blockEnd, int reps) {
    List<Parameter> out = new ArrayList<>();
    int optionalLeft = optionalUsed;
    for (int i = 0; i < params.size(); i++) {
      if (i == blockStart) {
        for (int r = 0; r < reps; r++) {
          out.addAll(params.subList(blockStart, blockEnd));
        }
        i = blockEnd - 1;
        continue;
      }
      Parameter p = params.get(i);
      if (!p.isOptional()) {
        out.add(p);
      } else if (optionalLeft > 0) {
        out.add(p);
        optionalLeft--;
      }
    }
    return out;
  }

  /**
   * The cost of binding {@code args} to {@code layout}: 0 for exact types, +1 per promoted argument, or
   * -(index + 1) for the first argument that does not fit.
   */
  static int cost(List<Parameter> layout, List<Argument> args) {
    int cost = 0;
    for (int i = 0; i < args.size(); i++) {
      Parameter p = layout.get(i);
      Argument a = args.get(i);
      if (!fits(p, a)) {
        return -(i + 1);
      }
      if (p.typeClass() == TypeClass.DECLARED && !p.types().contains(a.type()) && a.type() != ScalarType.UNKNOWN) {
        cost++;
      }
    }
    return cost;
  }

  private static boolean fits(Parameter p, Argument a) {
    if (a.star()) {
      return p.argumentKind() == ArgumentKind.STAR_ALLOWED || p.argumentKind() == ArgumentKind.STAR_ONLY;
    }
    if (p.argumentKind() == ArgumentKind.STAR_ONLY) {
      return false;
    }
    return switch (p.typeClass()) {
      case TABULAR -> a.tabular();
      case TYPE_LITERAL -> a.typeLiteral() != null;
      case ANY -> true;
      default -> !a.tabular() && a.typeLiteral() == null && p.accepts(a.type());
    };
  }

  /**
   * The first argument index holding a string literal outside its parameter's value list, or -1. Only
   * constant-kind parameters are checked, as the official parser does ({@code datetime_diff}'s part,
   * not {@code convert_length}'s units); non-literal arguments are known only at run time.
   */
  static int valueViolation(List<Parameter> layout, List<Argument> args) {
    for (int i = 0; i < args.size(); i++) {
      String lit = args.get(i).literal();
      ArgumentKind kind = layout.get(i).argumentKind();
      boolean checked = kind == ArgumentKind.LITERAL || kind == ArgumentKind.LITERAL_NOT_EMPTY
          || kind == ArgumentKind.CONSTANT;
      if (checked && lit != null && lit.length() >= 2 && (lit.charAt(0) == '"' || lit.charAt(0) == '\'')
          && !layout.get(i).allowsValue(lit.substring(1, lit.length() - 1))) {
        return i;
      }
    }
    return -1;
  }

  /** The first argument index violating its parameter's {@link ArgumentKind}, or -1. */
  static int kindViolation(List<Parameter> layout, List<Argument> args) {
    for (int i = 0; i < args.size(); i++) {
      Argument a = args.get(i);
      boolean ok = switch (layout.get(i).argumentKind()) {
        case CONSTANT, LITERAL, LITERAL_NOT_EMPTY -> a.constant() || a.type() == ScalarType.UNKNOWN;
        case COLUMN -> a.name() != null || a.type() == ScalarType.UNKNOWN;
        default -> true;
      };
      if (!ok) {
        return i;
      }
    }
    return -1;
  }
}
