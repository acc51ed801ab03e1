package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.FunctionSymbol;
import dev.kqlhunt.symbols.Signature;
import dev.kqlhunt.symbols.ScalarType;
import java.util.List;
import java.util.Objects;

/**
 * A bound scalar expression: every node knows its {@link ScalarType} and the symbols it refers to,
 * and keeps no source positions (those stay in the syntax tree). {@link ScalarType#UNKNOWN} marks an
 * expression that could not be typed; a diagnostic was reported for it, and consumers must not report
 * another one.
 */
public sealed interface BoundExpr {
  ScalarType type();

  /** A column of the operator's input row. */
  record ColumnRef(ColumnSymbol column) implements BoundExpr {
    public ColumnRef {
      Objects.requireNonNull(column, "column is null");
    }

    @Override
    public ScalarType type() {
      return column.type();
    }
  }

  /**
   * A constant. {@code value} is {@code null} for a (typed) null, otherwise as the parser decodes it: a
   * Boolean, Integer, Long, Double, BigDecimal, String, Long ticks of 100 ns (datetime since
   * 0001-01-01, timespan), {@link java.util.UUID} (guid); for {@code dynamic(...)} a JSON tree of
   * {@code List}, {@code Map}, and those scalars; for a {@code typeof(t)} argument the {@link ScalarType}
   * {@code t} (with {@code type} unknown). {@code rawText} is the literal as written.
   */
  record Literal(Object value, String rawText, ScalarType type) implements BoundExpr {
    public Literal {
      Objects.requireNonNull(type, "type is null");
    }
  }

  /** A scalar {@code let} variable or function parameter; {@code value} is its bound definition, or null for a parameter. */
  record VariableRef(String name, ScalarType type, BoundExpr value) implements BoundExpr {
    public VariableRef {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(type, "type is null");
    }
  }

  /** A call of a built-in scalar or window function, resolved to its catalogue entry and overload. */
  record Call(FunctionSymbol function, Signature signature, List<BoundExpr> arguments, ScalarType type)
      implements BoundExpr {
    public Call {
      Objects.requireNonNull(function, "function is null");
      arguments = List.copyOf(arguments);
      Objects.requireNonNull(type, "type is null");
    }
  }

  /**
   * An aggregate call ({@code count()}, {@code dcountif(x, p)}, {@code arg_max(t, *)}); only appears as
   * the value of a {@link BoundTabular.NamedAggregate} or inside an expression over aggregates.
   */
  record AggregateCall(FunctionSymbol function, Signature signature, List<BoundExpr> arguments, ScalarType type)
      implements BoundExpr {
    public AggregateCall {
      Objects.requireNonNull(function, "function is null");
      arguments = List.copyOf(arguments);
      Objects.requireNonNull(type, "type is null");
    }
  }

  /**
   * A call of a user function ({@code let f = (x:long) {...}} or a function of the schema file) whose
   * body is scalar; {@code expansion} is the body bound with these arguments, which is what executes.
   */
  record UserCall(String function, List<BoundExpr> arguments, BoundExpr expansion) implements BoundExpr {
    public UserCall {
      Objects.requireNonNull(function, "function is null");
      arguments = List.copyOf(arguments);
      Objects.requireNonNull(expansion, "expansion is null");
    }

    @Override
    public ScalarType type() {
      return expansion.type();
    }
  }

  /** {@code *} as an argument: {@code count(*)}, {@code arg_max(t, *)}, {@code pack_all()}-like uses. */
  record Star() implements BoundExpr {
    @Override
    public ScalarType type() {
      return ScalarType.UNKNOWN;
    }
  }

  /** A binary operator with its result type. */
  record Binary(BinaryOp op, BoundExpr left, BoundExpr right, ScalarType type) implements BoundExpr {
    public Binary {
      Objects.requireNonNull(op, "op is null");
      Objects.requireNonNull(left, "left is null");
      Objects.requireNonNull(right, "right is null");
      Objects.requireNonNull(type, "type is null");
    }
  }

  /** {@code -x}, {@code +x}; {@code not(x)} is a {@link Call}. */
  record Unary(UnaryOp op, BoundExpr operand, ScalarType type) implements BoundExpr {
    public Unary {
      Objects.requireNonNull(op, "op is null");
      Objects.requireNonNull(operand, "operand is null");
      Objects.requireNonNull(type, "type is null");
    }
  }

  /**
   * {@code x in (a, b)}, {@code x !in~ (T | project y)}, {@code has_any}, {@code has_all}: the list is
   * either scalar values or, for a tabular operand, {@code subquery}'s first column.
   */
  record InList(
      ListOp op, BoundExpr value, List<BoundExpr> items, BoundTabular subquery)
      implements BoundExpr {
    public InList {
      Objects.requireNonNull(op, "op is null");
      Objects.requireNonNull(value, "value is null");
      items = List.copyOf(items);
    }

    @Override
    public ScalarType type() {
      return ScalarType.BOOL;
    }
  }

  /** {@code x between (low .. high)} and {@code !between}. */
  record Between(BoundExpr value, BoundExpr low, BoundExpr high, boolean negated) implements BoundExpr {
    public Between {
      Objects.requireNonNull(value, "value is null");
      Objects.requireNonNull(low, "low is null");
      Objects.requireNonNull(high, "high is null");
    }

    @Override
    public ScalarType type() {
      return ScalarType.BOOL;
    }
  }

  /**
   * {@code d.name} or {@code d['name']} on a dynamic value: dynamic, or unknown when the target's type
   * is unknown (a column of an unknown table), as the official parser types it.
   */
  record Member(BoundExpr target, String member) implements BoundExpr {
    public Member {
      Objects.requireNonNull(target, "target is null");
      Objects.requireNonNull(member, "member is null");
    }

    @Override
    public ScalarType type() {
      return target.type() == ScalarType.UNKNOWN ? ScalarType.UNKNOWN : ScalarType.DYNAMIC;
    }
  }

  /** {@code d[i]} with a computed index: dynamic, or unknown when the target's type is unknown. */
  record Element(BoundExpr target, BoundExpr index) implements BoundExpr {
    public Element {
      Objects.requireNonNull(target, "target is null");
      Objects.requireNonNull(index, "index is null");
    }

    @Override
    public ScalarType type() {
      return target.type() == ScalarType.UNKNOWN ? ScalarType.UNKNOWN : ScalarType.DYNAMIC;
    }
  }

  /**
   * Part {@code index} ({@code field}) of a tuple-valued call such as {@code series_fit_line(s)}, see
   * {@link TupleFunctions}.
   */
  record TupleElement(BoundExpr tuple, int index, String field, ScalarType type) implements BoundExpr {
    public TupleElement {
      Objects.requireNonNull(tuple, "tuple is null");
      Objects.requireNonNull(field, "field is null");
      Objects.requireNonNull(type, "type is null");
    }
  }

  /** {@code toscalar(query)}: the first column of the first row of {@code query}. */
  record ToScalar(BoundTabular query, ScalarType type) implements BoundExpr {
    public ToScalar {
      Objects.requireNonNull(query, "query is null");
      Objects.requireNonNull(type, "type is null");
    }
  }

  /** An expression that failed to bind; a diagnostic was reported. */
  record Error() implements BoundExpr {
    @Override
    public ScalarType type() {
      return ScalarType.UNKNOWN;
    }
  }

  /** Binary operators, including Kusto's string predicates. */
  enum BinaryOp {
    ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO,
    EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL,
    EQUAL_CI, NOT_EQUAL_CI,
    AND, OR,
    HAS, NOT_HAS, HAS_CS, NOT_HAS_CS,
    HASPREFIX, NOT_HASPREFIX, HASPREFIX_CS, NOT_HASPREFIX_CS,
    HASSUFFIX, NOT_HASSUFFIX, HASSUFFIX_CS, NOT_HASSUFFIX_CS,
    CONTAINS, NOT_CONTAINS, CONTAINS_CS, NOT_CONTAINS_CS,
    STARTSWITH, NOT_STARTSWITH, STARTSWITH_CS, NOT_STARTSWITH_CS,
    ENDSWITH, NOT_ENDSWITH, ENDSWITH_CS, NOT_ENDSWITH_CS,
    MATCHES_REGEX, LIKE, NOT_LIKE, LIKE_CS, NOT_LIKE_CS
  }

  enum UnaryOp { NEGATE, PLUS }

  /** The list membership operators. */
  enum ListOp { IN, NOT_IN, IN_CI, NOT_IN_CI, HAS_ANY, HAS_ALL }
}
