package dev.kqlhunt.symbols;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The KQL functions kqlhunt knows: scalar, aggregate, window and plugin functions with their overloads
 * ({@code functions.catalog}, read once; signatures are facts from the KQL reference and Microsoft's
 * Kusto.Language). Names are case-sensitive, as in Kusto. Scalar (and window) functions and aggregates
 * live in separate namespaces: {@code any}, {@code hll_merge} exist in both.
 *
 * <p>Immutable and thread-safe; {@link #builtIn()} is shared.
 */
public final class FunctionCatalog {
  private static final String RESOURCE = "functions.catalog";
  private static volatile FunctionCatalog builtIn;

  private final Map<String, FunctionSymbol> scalars = new HashMap<>();
  private final Map<String, FunctionSymbol> aggregates = new HashMap<>();
  private final Map<String, FunctionSymbol> plugins = new HashMap<>();

  /** A catalogue holding exactly {@code functions}. A later duplicate in the same namespace wins. */
  public FunctionCatalog(Collection<FunctionSymbol> functions) {
    for (FunctionSymbol f : functions) {
      namespace(f.kind()).put(f.name(), f);
    }
  }

  /** The built-in catalogue (loaded on first use, about 500 functions). */
  public static FunctionCatalog builtIn() {
    FunctionCatalog c = builtIn;
    if (c == null) {
      synchronized (FunctionCatalog.class) {
        c = builtIn;
        if (c == null) {
          c = new FunctionCatalog(CatalogReader.readResource(RESOURCE));
          builtIn = c;
        }
      }
    }
    return c;
  }

  private Map<String, FunctionSymbol> namespace(FunctionKind kind) {
    return switch (kind) {
      case SCALAR, WINDOW -> scalars;
      case AGGREGATE -> aggregates;
      case PLUGIN -> plugins;
    };
  }

  /** A scalar or window function by exact name, or null. */
  public FunctionSymbol scalar(String name) {
    return scalars.get(name);
  }

  /** An aggregate function by exact name, or null. */
  public FunctionSymbol aggregate(String name) {
    return aggregates.get(name);
  }

  /** A plugin ({@code evaluate NAME(...)}) by exact name, or null. */
  public FunctionSymbol plugin(String name) {
    return plugins.get(name);
  }

  /** The names in one namespace ({@link FunctionKind#WINDOW} shares the scalar one), unordered. */
  public Collection<String> names(FunctionKind kind) {
    return Collections.unmodifiableCollection(namespace(kind).keySet());
  }

  /** Every function, in no particular order. */
  public List<FunctionSymbol> all() {
    List<FunctionSymbol> out = new ArrayList<>(scalars.values());
    out.addAll(aggregates.values());
    out.addAll(plugins.values());
    return out;
  }

  /**
   * Resolves a call in a scalar context ({@code extend}, {@code where}, ...): scalar and window
   * functions. See {@link #resolve(FunctionSymbol, List)}.
   */
  public CallResolution resolveScalar(String name, List<Argument> args) {
    return resolveIn(scalars, name, args);
  }

  /**
   * Resolves a call in an aggregate context ({@code summarize}): aggregates first, then scalar functions
   * (which may wrap aggregates, as in {@code tostring(max(x))}).
   */
  public CallResolution resolveAggregate(String name, List<Argument> args) {
    FunctionSymbol f = aggregates.get(name);
    return f != null ? resolve(f, args) : resolveIn(scalars, name, args);
  }

  private CallResolution resolveIn(Map<String, FunctionSymbol> space, String name, List<Argument> args) {
    FunctionSymbol f = space.get(name);
    if (f == null) {
      String hint = Suggestions.closest(name, space.keySet());
      return new CallResolution.UnknownFunction(name, hint);
    }
    return resolve(f, args);
  }

  /**
   * Picks the overload of {@code f} that fits {@code args} best (exact types before promotions, then
   * declaration order) and computes the result type. Never throws for bad arguments: failures are
   * returned as {@link CallResolution} values.
   */
  public static CallResolution resolve(FunctionSymbol f, List<Argument> args) {
    if (f.kind() == FunctionKind.PLUGIN && f.signatures().isEmpty()) {
      return new CallResolution.Resolved(f, new Signature(List.of(), new ResultRule.Tabular()), ScalarType.UNKNOWN);
    }
    Signature best = null;
    List<Parameter> bestLayout = null;
    int bestCost = Integer.MAX_VALUE;
    int worstBadIndex = -1;
    List<Parameter> badLayout = null;
    for (Signature s : f.signatures()) {
      for (List<Parameter> layout : SignatureMatcher.layouts(s, args.size())) {
        int cost = SignatureMatcher.cost(layout, args);
        if (cost >= 0 && cost < bestCost) {
          best = s;
          bestLayout = layout;
          bestCost = cost;
        } else if (cost < 0 && -cost - 1 > worstBadIndex) {
          // the overload that got furthest names the argument to blame
          worstBadIndex = -cost - 1;
          badLayout = layout;
        }
      }
    }
    if (best == null) {
      if (badLayout == null) {
        return new CallResolution.WrongArgumentCount(f, args.size(), f.minArguments(), f.maxArguments());
      }
      return new CallResolution.WrongArgumentType(
          f, worstBadIndex, badLayout.get(worstBadIndex).describeTypes(), args.get(worstBadIndex).type());
    }
    int kindError = SignatureMatcher.kindViolation(bestLayout, args);
    if (kindError >= 0) {
      return new CallResolution.WrongArgumentKind(f, kindError, bestLayout.get(kindError).argumentKind());
    }
    CallResolution typed = ResultTyping.type(f, best, bestLayout, args);
    int valueError = SignatureMatcher.valueViolation(bestLayout, args);
    if (valueError >= 0 && typed instanceof CallResolution.Resolved ok) {
      return new CallResolution.Resolved(f, best, ok.type(), valueError, bestLayout.get(valueError).values());
    }
    return typed;
  }
}
