package dev.kqlhunt.exec;

import dev.kqlhunt.binder.OperatorSpec;
import dev.kqlhunt.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link PlanNode.Special} operator: executes its inputs through the executor, then hands them
 * to the operator its {@link OperatorSpec} names. One small class per operator.
 */
final class SpecialOperators {
  private SpecialOperators() {}

  static Table run(Executor executor, PlanNode.Special node) {
    if (node.spec() instanceof OperatorSpec.NonEmptySeries && node.inputs().get(0) instanceof PlanNode.MakeSeries m) {
      return MakeSeriesOperator.makeSeries(executor.evaluator(), executor.execute(m.input()), m, true);
    }
    List<Table> inputs = new ArrayList<>(node.inputs().size());
    for (PlanNode in : node.inputs()) inputs.add(executor.execute(in));
    ExprEvaluator eval = executor.evaluator();
    return switch (node.spec()) {
      case OperatorSpec.ParseKv p -> ParseKv.parse(eval, inputs.get(0), p, node.columns());
      case OperatorSpec.NonEmptySeries n -> inputs.get(0);
      case OperatorSpec.Conform c -> Executor.align(inputs.get(0), node.columns());
      case OperatorSpec.ProjectByNames p -> ProjectByNames.project(eval, inputs.get(0), p);
      case OperatorSpec.Reduce r -> Reduce.reduce(eval, inputs.get(0), r, node.columns());
      case OperatorSpec.TopNested t -> TopNested.run(eval, inputs.get(0), t, node.columns());
      case OperatorSpec.Find f -> FindOperator.find(eval, inputs, f, node.columns());
      case OperatorSpec.ExternalData x -> ExternalData.read(eval, x, node.columns());
      case OperatorSpec.Lookup l when l.plugin().equals("ipv4_lookup") ->
          Ipv4Lookup.lookup(eval, inputs.get(0), inputs.get(1), l, node.columns());
      case OperatorSpec.Lookup l -> throw unsupported(l);
      case OperatorSpec.Scan s -> ScanOperator.scan(eval, inputs.get(0), s, node.columns());
    };
  }

  private static ExecutionException unsupported(OperatorSpec spec) {
    return new ExecutionException(ExecError.UNSUPPORTED_OPERATOR, spec.operator());
  }
}
