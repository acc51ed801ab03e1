package dev.kqlhunt.symbols;

import java.util.List;
import java.util.Objects;

/** One overload of a function: its parameters and how the result type follows from the arguments. */
public record Signature(List<Parameter> parameters, ResultRule result) {
  public Signature {
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(result, "result is null");
  }

  /** The fewest arguments a call may pass. */
  public int minArguments() {
    int n = 0;
    for (Parameter p : parameters) {
      n += p.minOccurs();
    }
    return n;
  }

  /** The most arguments a call may pass (saturates at {@link Parameter#MANY}). */
  public int maxArguments() {
    long n = 0;
    for (Parameter p : parameters) {
      n += p.maxOccurs();
    }
    return (int) Math.min(n, Parameter.MANY);
  }

  /** Kusto-like text of the signature: {@code (value:number, roundTo:number)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("(");
    for (Parameter p : parameters) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(p.name()).append(':').append(p.describeTypes());
      if (p.isRepeatable()) {
        sb.append(", ...");
      } else if (p.isOptional()) {
        sb.append(" = <default>");
      }
    }
    return sb.append(')').toString();
  }
}
