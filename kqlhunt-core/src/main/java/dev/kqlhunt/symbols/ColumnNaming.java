package dev.kqlhunt.symbols;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Kusto's names for result columns that the query does not name, verified against the official parser
 * (see {@code ColumnNamingTest}):
 *
 * <ul>
 *   <li>aggregates: {@code count()} gives {@code count_}, {@code max(Timestamp)} {@code max_Timestamp},
 *       {@code make_set(x)} {@code set_x}, {@code max(a + 1)} {@code max_} (the prefix and an empty
 *       argument name), {@code percentile(x, 95.5)} {@code percentile_x_95_5};
 *   <li>{@code arg_max(T, a, *)} gives {@code T}, {@code a}, then every input column except the
 *       {@code by} columns and {@code T}; an unnamed first argument gives {@code max_}/{@code min_};
 *   <li>scalar calls follow the function's {@link NameRule}: {@code bin(Timestamp, 1h)} and
 *       {@code tostring(d.x)} take their first argument's name ({@code Timestamp}, {@code d_x}),
 *       {@code strlen(x)} gives {@code strlen_x}, {@code strcat(...)} has none;
 *   <li>an expression with no name is {@code Column1}, {@code Column2}, ... in {@code extend},
 *       {@code project} and {@code summarize ... by}, and {@code print_<position>} in {@code print}
 *       (where even {@code strlen(x)} gets {@code print_0});
 *   <li>a name already used in the same output gets the smallest free numeric suffix:
 *       {@code count_1}, {@code Timestamp1}.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class ColumnNaming {
  private ColumnNaming() {}

  /**
   * The default name of a call's result column, or null when Kusto gives it none (the caller then uses
   * {@link #nextColumnName} or {@link #printName}). For a multi-column aggregate this is the name of the
   * first column; see {@link #aggregateColumns}. For {@link NameRule#FIRST_VALUE_IF_COLUMN} it returns the
   * literal value; the caller uses it only if such a column exists in the input.
   */
  public static String callName(FunctionSymbol f, List<Argument> args) {
    String first = args.isEmpty() ? null : args.get(0).name();
    if (f.name().startsWith("array_sort_")) {
      return first == null ? null : first + "_sorted";
    }
    if (f.isAggregate()) {
      switch (f.name()) {
        case "arg_max": return first != null ? first : "max_";
        case "arg_min": return first != null ? first : "min_";
        // the deprecated spellings prefix every column
        case "argmax": return "max_" + orEmpty(first);
        case "argmin": return "min_" + orEmpty(first);
        case "take_any", "take_anyif": return first;
        case "percentile", "percentiles", "percentilew", "percentilesw": return percentileNames(f, args).get(0);
        case "percentiles_array", "percentilesw_array": return "percentiles_" + orEmpty(first);
        default: break;
      }
    }
    return switch (f.nameRule()) {
      case NONE -> null;
      case PREFIX_AND_FIRST -> f.namePrefix() + "_" + orEmpty(first);
      case PREFIX_AND_ONLY -> args.size() == 1 ? f.namePrefix() + "_" + orEmpty(first) : null;
      case PREFIX_ONLY -> f.namePrefix();
      case FIRST -> first;
      case ONLY -> args.size() == 1 ? first : null;
      case FIRST_VALUE_IF_COLUMN -> args.isEmpty() ? null : unquote(args.get(0).literal());
    };
  }

  /**
   * The columns an aggregate call produces, before names are made unique across the output: one column
   * named {@link #callName} for most aggregates; a tuple for {@code arg_max}/{@code arg_min}
   * ({@code *} expands to {@code input} minus {@code byColumns} and argument 0's name), for
   * {@code take_any(a, b, ...)} and for {@code percentiles(x, p1, p2, ...)}. A column without a name is
   * returned with name {@code ""}; the caller assigns {@code ColumnN}.
   *
   * @param type the call's type from {@link CallResolution.Resolved#type()}
   */
  public static List<ColumnSymbol> aggregateColumns(
      FunctionSymbol f, List<Argument> args, ScalarType type, List<ColumnSymbol> input, Set<String> byColumns) {
    ResultRule rule = ruleFor(f, args);
    if (rule instanceof ResultRule.Custom c) {
      switch (c.kind()) {
        case ARG_EXTREMUM, TAKE_ANY -> {
          return tuple(f, args, type, input, byColumns);
        }
        case PERCENTILES -> {
          List<ColumnSymbol> out = new ArrayList<>();
          for (String n : percentileNames(f, args)) {
            out.add(new ColumnSymbol(n, type));
          }
          return out;
        }
        default -> { }
      }
    }
    return List.of(new ColumnSymbol(orEmpty(callName(f, args)), type));
  }

  /**
   * The columns a scalar call produces in {@code extend}/{@code project}: one column named
   * {@link #callName} (or {@code ""} when unnamed), except for tuple functions such as
   * {@code series_stats(x)}, which give {@code series_stats_x_min}, {@code series_stats_x_min_idx}, ...
   * When the query names the call ({@code extend s = series_stats(x)}), only the first column takes that
   * name; the caller replaces it.
   */
  public static List<ColumnSymbol> scalarColumns(FunctionSymbol f, List<Argument> args, ScalarType type) {
    if (ruleFor(f, args) instanceof ResultRule.Tuple t) {
      String prefix = f.name() + "_" + orEmpty(args.isEmpty() ? null : args.get(0).name()) + "_";
      List<ColumnSymbol> out = new ArrayList<>();
      for (ColumnSymbol c : t.columns()) {
        out.add(new ColumnSymbol(prefix + c.name(), c.type()));
      }
      return out;
    }
    return List.of(new ColumnSymbol(orEmpty(callName(f, args)), type));
  }

  /** The result rule of the overload the call resolves to (the first by arity if it does not resolve). */
  private static ResultRule ruleFor(FunctionSymbol f, List<Argument> args) {
    if (FunctionCatalog.resolve(f, args) instanceof CallResolution.Resolved ok) {
      return ok.signature().result();
    }
    for (Signature s : f.signatures()) {
      if (SignatureMatcher.layout(s, args.size()) != null) {
        return s.result();
      }
    }
    return f.signatures().isEmpty() ? null : f.signatures().get(0).result();
  }

  private static List<ColumnSymbol> tuple(
      FunctionSymbol f, List<Argument> args, ScalarType type, List<ColumnSymbol> input, Set<String> byColumns) {
    List<ColumnSymbol> out = new ArrayList<>();
    boolean takeAny = !f.name().startsWith("arg");
    String firstName = callName(f, args);
    String prefix = tuplePrefix(f, args);
    int count = f.name().endsWith("if") ? args.size() - 1 : args.size();
    for (int i = 0; i < count; i++) {
      Argument a = args.get(i);
      if (a.star()) {
        for (ColumnSymbol c : input) {
          if (!byColumns.contains(c.name()) && !(c.name().equals(firstName) && !takeAny)) {
            out.add(prefix.isEmpty() ? c : new ColumnSymbol(prefix + c.name(), c.type()));
          }
        }
      } else if (i == 0) {
        out.add(new ColumnSymbol(orEmpty(firstName), type));
      } else {
        out.add(new ColumnSymbol(prefix + orEmpty(a.name()), a.type()));
      }
    }
    return out;
  }

  /**
   * The deprecated {@code any}, {@code argmax} and {@code argmin} prefix the names of the columns they
   * return ({@code any_x}, {@code max_T_x}); their replacements do not.
   */
  private static String tuplePrefix(FunctionSymbol f, List<Argument> args) {
    String first = args.isEmpty() ? null : args.get(0).name();
    return switch (f.name()) {
      case "any", "anyif" -> "any_";
      case "argmax" -> "max_" + orEmpty(first) + "_";
      case "argmin" -> "min_" + orEmpty(first) + "_";
      default -> "";
    };
  }

  private static List<String> percentileNames(FunctionSymbol f, List<Argument> args) {
    int firstPercentile = f.name().startsWith("percentilew") || f.name().startsWith("percentilesw") ? 2 : 1;
    String base = "percentile_" + orEmpty(args.isEmpty() ? null : args.get(0).name()) + "_";
    List<String> out = new ArrayList<>();
    for (int i = firstPercentile; i < args.size(); i++) {
      out.add(base + literalNamePart(args.get(i).literal()));
    }
    if (out.isEmpty()) {
      out.add(base);
    }
    return out;
  }

  /**
   * A numeric literal as it appears inside a column name: its value without trailing zeros, with the
   * decimal point as {@code _} ({@code 95.5} gives {@code 95_5}, {@code 50.0} and {@code 5e1} give
   * {@code 50}); {@code ""} for null, negative or non-numeric text (Kusto reads {@code -1} as an expression, not a literal).
   */
  public static String literalNamePart(String literal) {
    if (literal == null || literal.strip().startsWith("-")) {
      return "";
    }
    try {
      BigDecimal v = new BigDecimal(literal.strip()).stripTrailingZeros();
      return v.toPlainString().replace('.', '_');
    } catch (NumberFormatException e) {
      return "";
    }
  }

  /** {@code base}, or {@code base} plus the smallest positive number that makes it unused. */
  public static String uniqueName(String base, Collection<String> taken) {
    if (!taken.contains(base)) {
      return base;
    }
    for (int i = 1; ; i++) {
      String candidate = base + i;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  /** The first of {@code Column1}, {@code Column2}, ... not in {@code taken}. */
  public static String nextColumnName(Collection<String> taken) {
    for (int i = 1; ; i++) {
      String candidate = "Column" + i;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  /** The name of the unnamed {@code print} expression at zero-based {@code position}: {@code print_0}. */
  public static String printName(int position) {
    return "print_" + position;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String unquote(String literal) {
    if (literal == null || literal.length() < 2) {
      return literal;
    }
    char q = literal.charAt(0);
    if ((q == '"' || q == '\'') && literal.charAt(literal.length() - 1) == q) {
      return literal.substring(1, literal.length() - 1);
    }
    return literal;
  }
}
