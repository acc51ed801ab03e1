package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Replaces the aggregate calls inside an expression over aggregates ({@code count() * 2}) by other expressions. */
final class AggregateRewrite {
  private AggregateRewrite() {}

  static BoundExpr rewrite(BoundExpr e, Function<BoundExpr.AggregateCall, BoundExpr> replace) {
    return switch (e) {
      case BoundExpr.AggregateCall a -> replace.apply(a);
      case BoundExpr.Call c -> new BoundExpr.Call(c.function(), c.signature(), all(c.arguments(), replace), c.type());
      case BoundExpr.Binary b ->
          new BoundExpr.Binary(b.op(), rewrite(b.left(), replace), rewrite(b.right(), replace), b.type());
      case BoundExpr.Unary u -> new BoundExpr.Unary(u.op(), rewrite(u.operand(), replace), u.type());
      case BoundExpr.Between b -> new BoundExpr.Between(rewrite(b.value(), replace), rewrite(b.low(), replace),
          rewrite(b.high(), replace), b.negated());
      case BoundExpr.InList i -> new BoundExpr.InList(i.op(), rewrite(i.value(), replace), all(i.items(), replace), i.subquery());
      case BoundExpr.Member m -> new BoundExpr.Member(rewrite(m.target(), replace), m.member());
      case BoundExpr.Element x -> new BoundExpr.Element(rewrite(x.target(), replace), rewrite(x.index(), replace));
      case BoundExpr.UserCall u -> new BoundExpr.UserCall(u.function(), u.arguments(), rewrite(u.expansion(), replace));
      default -> e;
    };
  }

  private static List<BoundExpr> all(List<BoundExpr> es, Function<BoundExpr.AggregateCall, BoundExpr> replace) {
    List<BoundExpr> out = new ArrayList<>(es.size());
    for (BoundExpr e : es) out.add(rewrite(e, replace));
    return out;
  }
}
