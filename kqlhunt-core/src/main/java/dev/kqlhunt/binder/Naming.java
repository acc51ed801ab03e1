package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.FunctionSymbol;
import dev.kqlhunt.symbols.NameRule;
import dev.kqlhunt.syntax.tree.Expression;
import java.util.List;

/**
 * Kusto's default names for result columns written without {@code name =}, verified against the
 * official parser: a column keeps its name ({@code DeviceName}); a path joins its parts with
 * {@code _} ({@code d.x[0]} gives {@code d_x_0}); a call follows its function's {@link NameRule}
 * ({@code max(Timestamp)} gives {@code max_Timestamp}, {@code count()} gives {@code count_},
 * {@code tostring(x)} gives {@code x}); anything else has no name and becomes {@code Column1},
 * {@code Column2}, ... (or {@code print_0} in print). Operators then make clashing names unique with a
 * numeric suffix ({@link ColumnListBuilder#uniqueName}).
 */
final class Naming {
  private Naming() {}

  /** The default name of {@code syntax} (bound as {@code bound}), or null when Kusto gives it none. */
  static String nameOf(Expression syntax, BoundExpr bound) {
    return switch (syntax) {
      case Expression.SimpleNamedExpression n -> n.name().text();
      case Expression.NamedArgument n -> n.name().text();
      case Expression.NameReference r -> r.name().text().isEmpty() ? null : r.name().text();
      case Expression.ParenthesizedExpression p -> nameOf(p.inner(), bound);
      case Expression.PathExpression p -> joined(nameOf(p.target(), null), p.selector().text());
      case Expression.ElementExpression e -> elementName(e);
      case Expression.FunctionCall c -> callName(c, bound);
      case Expression.OrderedExpression o -> nameOf(o.expression(), bound);
      default -> null;
    };
  }

  private static String joined(String target, String member) {
    return target == null ? member : target + "_" + member;
  }

  private static String elementName(Expression.ElementExpression e) {
    String target = nameOf(e.target(), null);
    String index = switch (e.index()) {
      case Expression.Literal l when l.value() instanceof String s -> s;
      case Expression.Literal l -> l.raw();
      default -> null;
    };
    if (index == null) return null;
    return joined(target, index);
  }

  private static String callName(Expression.FunctionCall c, BoundExpr bound) {
    FunctionSymbol f = switch (bound) {
      case BoundExpr.Call call -> call.function();
      case BoundExpr.AggregateCall call -> call.function();
      case BoundExpr.ColumnRef ref -> null; // column_ifexists that found its column
      case null, default -> null;
    };
    if (bound instanceof BoundExpr.ColumnRef ref) return ref.column().name();
    if (f == null) return null;
    List<Expression> args = c.arguments();
    List<BoundExpr> boundArgs = switch (bound) {
      case BoundExpr.Call call -> call.arguments();
      case BoundExpr.AggregateCall call -> call.arguments();
      default -> List.of();
    };
    String first = args.isEmpty() ? null : nameOf(args.get(0), boundArgs.isEmpty() ? null : boundArgs.get(0));
    String prefix = f.namePrefix().isEmpty() ? f.name() : f.namePrefix();
    return switch (f.nameRule()) {
      case NONE -> null;
      case PREFIX_AND_FIRST -> prefix + "_" + (first == null ? "" : first);
      case PREFIX_AND_ONLY -> args.size() == 1 && first != null ? prefix + "_" + first : null;
      case PREFIX_ONLY -> prefix;
      case FIRST -> first;
      case ONLY -> args.size() == 1 ? first : null;
      case FIRST_VALUE_IF_COLUMN -> null;
    };
  }
}
