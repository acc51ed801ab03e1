package dev.kqlhunt.symbols;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sample calls for every overload of the catalogue, in the argument notation of the expectation files:
 * column tokens {@code b i l r m s d t g ya yb} (one per type; {@code ya}/{@code yb} a dynamic array/bag),
 * literals {@code #TYPE:text}, {@code T:type} for {@code typeof(type)}, {@code *}. For each overload: a
 * base call, one call per alternative type of each parameter, one with each optional parameter, and one
 * with a wrong type where a clear wrong type exists.
 */
final class SampleCalls {
  private static final Map<TypeClass, List<String>> BY_CLASS = Map.ofEntries(
      Map.entry(TypeClass.INTEGER, List.of("l", "i")),
      Map.entry(TypeClass.NUMBER, List.of("l", "i", "r", "m")),
      Map.entry(TypeClass.SUMMABLE, List.of("l", "r", "d", "t")),
      Map.entry(TypeClass.ORDERABLE, List.of("l", "s", "d", "t")),
      Map.entry(TypeClass.SCALAR, List.of("s", "l", "d")),
      Map.entry(TypeClass.ANY, List.of("s", "l")),
      Map.entry(TypeClass.STRING_OR_DYNAMIC, List.of("s", "ya")),
      Map.entry(TypeClass.STRING_OR_ARRAY, List.of("s", "ya")),
      Map.entry(TypeClass.INTEGER_OR_ARRAY, List.of("l", "ya")),
      Map.entry(TypeClass.DYNAMIC_ARRAY, List.of("ya", "yb")),
      Map.entry(TypeClass.DYNAMIC_BAG, List.of("yb", "ya")),
      Map.entry(TypeClass.NUMBER_OR_BOOL, List.of("l", "b")),
      Map.entry(TypeClass.NOT_REAL_OR_BOOL, List.of("s", "l")),
      Map.entry(TypeClass.NOT_DYNAMIC, List.of("s", "l")),
      Map.entry(TypeClass.NOT_BOOL, List.of("s", "l")),
      Map.entry(TypeClass.REAL_OR_DECIMAL, List.of("r", "m")),
      Map.entry(TypeClass.COMMON_SCALAR, List.of("s", "l", "r")),
      Map.entry(TypeClass.COMMON_NUMBER, List.of("l", "r", "i")),
      Map.entry(TypeClass.COMMON_SUMMABLE, List.of("l", "t")),
      Map.entry(TypeClass.COMMON_ORDERABLE, List.of("l", "r", "s")),
      Map.entry(TypeClass.COMMON_SCALAR_OR_DYNAMIC, List.of("l", "s", "ya")),
      Map.entry(TypeClass.TYPE_LITERAL, List.of("T:long", "T:string")),
      Map.entry(TypeClass.SAME_AS_0, List.of("$0")),
      Map.entry(TypeClass.SAME_AS_1, List.of("$1")),
      Map.entry(TypeClass.SAME_AS_2, List.of("$2")));
  private static final Map<String, String> LITERAL = Map.of(
      "b", "#b:true", "l", "#l:2", "i", "#l:2", "r", "#r:2.5", "m", "#r:2.5", "s", "#s:a", "g", "#s:a",
      "d", "#d:2020-01-01", "t", "#t:1h", "ya", "#y:[1]");

  private SampleCalls() {}

  /** {@code kind TAB name TAB arguments} for every overload of scalar, window and aggregate functions. */
  static Set<String> forCatalogue(FunctionCatalog catalog) {
    Set<String> out = new LinkedHashSet<>();
    for (FunctionSymbol f : catalog.all()) {
      if (f.kind() == FunctionKind.PLUGIN) {
        continue;
      }
      String prefix = f.kind().name().toLowerCase(java.util.Locale.ROOT) + "\t" + f.name() + "\t";
      for (Signature s : f.signatures()) {
        if (!(s.result() instanceof ResultRule.Tabular) && s.parameters().stream().noneMatch(SampleCalls::tabular)) {
          for (List<String> args : calls(s.parameters())) {
            out.add(prefix + String.join(" ", args));
          }
        }
      }
    }
    return out;
  }

  private static boolean tabular(Parameter p) {
    return p.typeClass() == TypeClass.TABULAR;
  }

  private static List<List<String>> calls(List<Parameter> ps) {
    List<List<String>> out = new ArrayList<>();
    out.add(sameAs(expand(ps, -1, null)));
    for (int j = 0; j < ps.size(); j++) {
      Parameter p = ps.get(j);
      List<String> alts = new ArrayList<>(choices(p).subList(1, choices(p).size()));
      String wrong = wrong(p);
      if (wrong != null) {
        alts.add(wrong);
      }
      if (p.isOptional()) {
        alts.add(choices(p).get(0));
      }
      for (String alt : alts) {
        out.add(sameAs(p.isOptional() ? withOptional(ps, j, alt) : expand(ps, j, alt)));
      }
    }
    return out;
  }

  /** Required parameters (repeatable ones at their minimum count), {@code alt} at position {@code j}. */
  private static List<String> expand(List<Parameter> ps, int j, String alt) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      Parameter p = ps.get(i);
      for (int r = 0; r < p.minOccurs(); r++) {
        args.add(i == j ? alt : choices(p).get(0));
      }
    }
    return args;
  }

  /** Every non-optional parameter once, plus optional parameter {@code j} as {@code alt}. */
  private static List<String> withOptional(List<Parameter> ps, int j, String alt) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      if (i == j) {
        args.add(alt);
      } else if (!ps.get(i).isOptional()) {
        args.add(choices(ps.get(i)).get(0));
      }
    }
    return args;
  }

  private static List<String> sameAs(List<String> args) {
    List<String> out = new ArrayList<>(args);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).startsWith("$")) {
        out.set(i, out.get(out.get(i).charAt(1) - '0'));
      }
    }
    return out;
  }

  private static List<String> choices(Parameter p) {
    if (!p.values().isEmpty()) {
      return List.of("#s:" + p.values().get(0), "#s:zzz");
    }
    if (p.argumentKind() == ArgumentKind.STAR_ONLY) {
      return List.of("*");
    }
    List<String> tokens = new ArrayList<>();
    if (p.typeClass() == TypeClass.DECLARED) {
      for (ScalarType t : ScalarType.values()) {
        if (p.types().contains(t)) {
          tokens.add(token(t));
        }
      }
    } else {
      tokens.addAll(BY_CLASS.get(p.typeClass()));
    }
    return constant(p) ? tokens.stream().map(t -> LITERAL.getOrDefault(t, t)).toList() : tokens;
  }

  private static boolean constant(Parameter p) {
    return switch (p.argumentKind()) {
      case CONSTANT, LITERAL, LITERAL_NOT_EMPTY -> p.typeClass() != TypeClass.TYPE_LITERAL;
      default -> false;
    };
  }

  private static String token(ScalarType t) {
    return switch (t) {
      case BOOL -> "b";
      case INT -> "i";
      case LONG -> "l";
      case REAL -> "r";
      case DECIMAL -> "m";
      case STRING -> "s";
      case DATETIME -> "d";
      case TIMESPAN -> "t";
      case GUID -> "g";
      case DYNAMIC, UNKNOWN -> "ya";
    };
  }

  /** An argument of a clearly wrong type for {@code p}, or null. */
  private static String wrong(Parameter p) {
    if (p.typeClass() == TypeClass.TYPE_LITERAL || p.argumentKind() == ArgumentKind.STAR_ONLY) {
      return null;
    }
    String w = null;
    if (p.typeClass() == TypeClass.DECLARED && p.types().size() == 1) {
      ScalarType t = p.types().iterator().next();
      w = switch (t) {
        case STRING -> "b";
        case DYNAMIC -> "b";
        case GUID -> "l";
        default -> "s";
      };
    } else if (p.typeClass() == TypeClass.NUMBER || p.typeClass() == TypeClass.INTEGER
        || p.typeClass() == TypeClass.SUMMABLE) {
      w = "s";
    }
    return w != null && constant(p) ? LITERAL.getOrDefault(w, w) : w;
  }

  /** The notation as KQL argument text: {@code #s:a} is {@code "a"}, {@code T:long} is {@code typeof(long)}. */
  static String render(String args) {
    List<String> out = new ArrayList<>();
    if (!args.isBlank()) {
      for (String a : args.split(" ")) {
        out.add(renderOne(a));
      }
    }
    return String.join(", ", out);
  }

  private static String renderOne(String a) {
    if (a.startsWith("T:")) {
      return "typeof(" + a.substring(2) + ")";
    }
    if (!a.startsWith("#")) {
      return a;
    }
    String v = a.substring(3);
    return switch (a.charAt(1)) {
      case 's' -> "\"" + v + "\"";
      case 'd' -> "datetime(" + v + ")";
      case 'y' -> "dynamic(" + v + ")";
      default -> v;
    };
  }
}
