package dev.kqlhunt.binder;

import java.util.List;

/** The result of binding something that may be tabular or scalar (a {@code let} value, a function body). */
record BoundValue(BoundTabular tabular, BoundExpr scalar, List<BoundExpr> arguments) {
  static BoundValue of(BoundTabular t) {
    return new BoundValue(t, null, List.of());
  }

  static BoundValue of(BoundExpr e) {
    return new BoundValue(null, e, List.of());
  }

  static final BoundValue ERROR = new BoundValue(null, new BoundExpr.Error(), List.of());
}
