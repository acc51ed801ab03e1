package dev.kqlhunt.symbols;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the function catalogue text format ({@code functions.catalog}). One function is a header line
 * followed by one indented line per overload:
 *
 * <pre>
 * # comment
 * scalar datetime_diff
 *   (part:string!literal=year|month|day, datetime1:datetime, datetime2:datetime) -&gt; long
 * aggregate make_set name=prefix_first:set
 *   (expr:scalar, maxSize:integer?) -&gt; dynamic
 * scalar extract
 *   (regex:string!const, captureGroup:long, source:string, typeLiteral:type!literal) -&gt; typeof($3)
 * </pre>
 *
 * <ul>
 *   <li>header: {@code scalar|aggregate|window|plugin NAME [name=RULE[:PREFIX]]}; RULE is
 *       {@code prefix_first}, {@code prefix_only_arg}, {@code prefix}, {@code first}, {@code only},
 *       {@code first_value} (see {@link NameRule});
 *   <li>parameter: {@code name:TYPES[OCCURS][!KIND]}; TYPES is a {@code |}-list of Kusto type names,
 *       or {@code type} (a {@code typeof()} literal), or one {@link TypeClass} in lower case; OCCURS is
 *       {@code ?} (0..1), {@code *} (0..N), {@code +} (1..N), {@code {m..n}} or {@code {m..}}; KIND is
 *       {@code const}, {@code literal}, {@code literal_not_empty}, {@code column}, {@code star},
 *       {@code staronly} (see {@link ArgumentKind}); an optional {@code =v1|v2|...} lists the values
 *       a constant string argument may take;
 *   <li>result: a Kusto type name, {@code $k} (type of argument k), {@code $0+} (argument 0 with int
 *       widened to long), {@code typeof($k)}, {@code common}, {@code common_nondynamic},
 *       {@code widest}, {@code scalar_of_tabular}, {@code tabular}, {@code custom:KIND}, or
 *       {@code tuple(name:type,...)} for functions returning several columns (no blanks inside).
 * </ul>
 *
 * A malformed catalogue is a build defect, so errors throw {@link IllegalStateException} naming the line.
 */
final class CatalogReader {
  private static final Pattern HEADER =
      Pattern.compile("(scalar|aggregate|window|plugin) ([A-Za-z_][A-Za-z0-9_]*)(?: name=(\\w+)(?::(\\S+))?)?");
  private static final Pattern SIGNATURE = Pattern.compile("\\s+\\((.*)\\) -> (\\S+)");
  private static final Pattern TUPLE = Pattern.compile("tuple\\((.+)\\)");
  private static final Pattern PARAMETER =
      Pattern.compile("(\\w+):([\\w|]+)(\\?|\\*|\\+|\\{\\d+\\.\\.\\d*\\})?(?:!(\\w+))?(?:=([\\w|]+))?");
  private static final Pattern ARG_INDEX = Pattern.compile("\\$(\\d)");

  private CatalogReader() {}

  /** Reads a catalogue resource on the class path next to this class. */
  static List<FunctionSymbol> readResource(String resource) {
    try (InputStream in = CatalogReader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return read(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses catalogue text; {@code source} names it in errors. */
  static List<FunctionSymbol> read(String source, String text) {
    List<FunctionSymbol> out = new ArrayList<>();
    Header header = null;
    List<Signature> sigs = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        if (Character.isWhitespace(line.charAt(0))) {
          if (header == null) {
            throw new IllegalArgumentException("signature before any function header");
          }
          sigs.add(signature(line));
        } else {
          if (header != null) {
            out.add(header.build(sigs));
          }
          header = header(line);
          sigs = new ArrayList<>();
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (header != null) {
      out.add(header.build(sigs));
    }
    return out;
  }

  private record Header(String name, FunctionKind kind, NameRule rule, String prefix) {
    FunctionSymbol build(List<Signature> sigs) {
      return new FunctionSymbol(name, kind, sigs, rule, prefix);
    }
  }

  private static Header header(String line) {
    Matcher m = HEADER.matcher(line);
    if (!m.matches()) {
      throw new IllegalArgumentException("bad function header: " + line);
    }
    FunctionKind kind = FunctionKind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    NameRule rule = m.group(3) == null ? NameRule.NONE : nameRule(m.group(3));
    String prefix = m.group(4) == null ? "" : m.group(4);
    return new Header(m.group(2), kind, rule, prefix);
  }

  private static NameRule nameRule(String text) {
    return switch (text) {
      case "prefix_first" -> NameRule.PREFIX_AND_FIRST;
      case "prefix_only_arg" -> NameRule.PREFIX_AND_ONLY;
      case "prefix" -> NameRule.PREFIX_ONLY;
      case "first" -> NameRule.FIRST;
      case "only" -> NameRule.ONLY;
      case "first_value" -> NameRule.FIRST_VALUE_IF_COLUMN;
      default -> throw new IllegalArgumentException("unknown name rule " + text);
    };
  }

  private static Signature signature(String line) {
    Matcher m = SIGNATURE.matcher(line);
    if (!m.matches()) {
      throw new IllegalArgumentException("bad signature: " + line.strip());
    }
    List<Parameter> params = new ArrayList<>();
    if (!m.group(1).isBlank()) {
      for (String p : m.group(1).split(",")) {
        params.add(parameter(p.strip()));
      }
    }
    return new Signature(params, result(m.group(2)));
  }

  private static Parameter parameter(String text) {
    Matcher m = PARAMETER.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("bad parameter: " + text);
    }
    int min = 1;
    int max = 1;
    String occurs = m.group(3);
    if (occurs != null) {
      switch (occurs) {
        case "?" -> min = 0;
        case "*" -> { min = 0; max = Parameter.MANY; }
        case "+" -> max = Parameter.MANY;
        default -> {
          String[] bounds = occurs.substring(1, occurs.length() - 1).split("\\.\\.", -1);
          min = Integer.parseInt(bounds[0]);
          max = bounds[1].isEmpty() ? Parameter.MANY : Integer.parseInt(bounds[1]);
        }
      }
    }
    ArgumentKind kind = m.group(4) == null ? ArgumentKind.EXPRESSION : argumentKind(m.group(4));
    String types = m.group(2);
    List<String> values = m.group(5) == null ? List.of() : List.of(m.group(5).split("\\|"));
    if (types.equals("type")) {
      return new Parameter(m.group(1), TypeClass.TYPE_LITERAL, Set.of(), kind, min, max, values);
    }
    ScalarType single = ScalarType.fromName(types);
    if (single == null && !types.contains("|")) {
      TypeClass cls = TypeClass.valueOf(types.toUpperCase(Locale.ROOT));
      return new Parameter(m.group(1), cls, Set.of(), kind, min, max, values);
    }
    Set<ScalarType> declared = EnumSet.noneOf(ScalarType.class);
    for (String t : types.split("\\|")) {
      ScalarType st = ScalarType.fromName(t);
      if (st == null) {
        throw new IllegalArgumentException("unknown type " + t);
      }
      declared.add(st);
    }
    return new Parameter(m.group(1), TypeClass.DECLARED, declared, kind, min, max, values);
  }

  private static ArgumentKind argumentKind(String text) {
    return switch (text) {
      case "const" -> ArgumentKind.CONSTANT;
      case "literal" -> ArgumentKind.LITERAL;
      case "literal_not_empty" -> ArgumentKind.LITERAL_NOT_EMPTY;
      case "column" -> ArgumentKind.COLUMN;
      case "star" -> ArgumentKind.STAR_ALLOWED;
      case "staronly" -> ArgumentKind.STAR_ONLY;
      default -> throw new IllegalArgumentException("unknown argument kind " + text);
    };
  }

  private static ResultRule result(String text) {
    switch (text) {
      case "common": return new ResultRule.Common();
      case "common_nondynamic": return new ResultRule.CommonNonDynamic();
      case "widest": return new ResultRule.Widest();
      case "scalar_of_tabular": return new ResultRule.ScalarOfTabular();
      case "tabular": return new ResultRule.Tabular();
      case "$0+": return new ResultRule.ArgTypePromoted(0);
      default: break;
    }
    Matcher tuple = TUPLE.matcher(text);
    if (tuple.matches()) {
      List<ColumnSymbol> columns = new ArrayList<>();
      for (String c : tuple.group(1).split(",")) {
        String[] parts = c.split(":");
        ScalarType t = parts.length == 2 ? ScalarType.fromName(parts[1]) : null;
        if (t == null) {
          throw new IllegalArgumentException("bad tuple column " + c);
        }
        columns.add(new ColumnSymbol(parts[0], t));
      }
      return new ResultRule.Tuple(columns);
    }
    if (text.startsWith("custom:")) {
      return new ResultRule.Custom(
          ResultRule.CustomKind.valueOf(text.substring(7).toUpperCase(Locale.ROOT)));
    }
    Matcher m = ARG_INDEX.matcher(text);
    if (m.find()) {
      int index = Integer.parseInt(m.group(1));
      return text.startsWith("typeof(") ? new ResultRule.TypeLiteralArg(index) : new ResultRule.ArgType(index);
    }
    ScalarType t = ScalarType.fromName(text);
    if (t == null) {
      throw new IllegalArgumentException("unknown result " + text);
    }
    return new ResultRule.Fixed(t);
  }
}
