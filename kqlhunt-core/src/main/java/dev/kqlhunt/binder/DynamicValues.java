package dev.kqlhunt.binder;

import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the syntax of a {@code dynamic(...)} literal into a plain Java tree of lists, maps and scalars. */
final class DynamicValues {
  private DynamicValues() {}

  /** The value of a dynamic literal's content; null for {@code dynamic(null)} or a malformed part. */
  static Object of(Expression e) {
    return switch (e) {
      case Expression.Literal l -> l.value();
      case Expression.JsonArray a -> {
        List<Object> out = new ArrayList<>(a.elements().size());
        for (Expression x : a.elements()) out.add(of(x));
        yield out;
      }
      case Expression.JsonObject o -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Clause.JsonProperty p : o.properties()) out.put(p.key(), of(p.value()));
        yield out;
      }
      case Expression.UnaryExpression u when u.operand() instanceof Expression.Literal l -> negate(l.value());
      case Expression.DynamicLiteral d -> of(d.value());
      default -> null;
    };
  }

  private static Object negate(Object v) {
    return switch (v) {
      case Integer i -> -i;
      case Long l -> -l;
      case Double d -> -d;
      case java.math.BigDecimal b -> b.negate();
      case null, default -> v;
    };
  }
}
