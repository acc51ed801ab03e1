package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.DynamicJson;
import dev.kqlhunt.value.DynamicOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scalar functions the executor runs, looked up by name and specialised for the argument types.
 * Conversions, logic and dynamic functions are here; text and time functions in {@link TextFunctions}
 * and {@link TimeFunctions}. An unknown name is {@link ExecError#UNSUPPORTED_FUNCTION}.
 */
final class ScalarFunctions {
  private ScalarFunctions() {}

  static ScalarFunction lookup(String name, ScalarType[] types, ScalarType result, QueryContext ctx) {
    name = canonicalName(name);
    ScalarFunction f = general(name, types, result);
    if (f == null) f = TextFunctions.lookup(name, types);
    if (f == null) f = TimeFunctions.lookup(name, types, ctx);
    if (f == null) f = CollectionFunctions.lookup(name, types, result);
    if (f == null) f = NetworkFunctions.lookup(name, types);
    if (f == null) f = ExtraFunctions.lookup(name, types);
    if (f == null) f = MathFunctions.lookup(name, types);
    if (f == null) f = UnitConversions.lookup(name, types);
    if (f == null) f = EncodingFunctions.lookup(name, types);
    if (f == null) f = Ipv6Functions.lookup(name, types);
    if (f == null) f = FormatFunctions.lookup(name, types);
    if (f == null) f = SketchFunctions.lookup(name, types, result);
    if (f == null) f = MiscFunctions.lookup(name, types);
    if (f == null) f = SeriesMath.lookup(name, types);
    if (f == null) f = SeriesFunctions.lookup(name);
    if (f == null) throw new ExecutionException(ExecError.UNSUPPORTED_FUNCTION, name);
    return f;
  }

  /** Deprecated spellings Kusto still accepts, mapped to the current name. */
  static String canonicalName(String name) {
    return switch (name) {
      case "parsejson" -> "parse_json";
      case "arraylength" -> "array_length";
      case "notnull" -> "isnotnull";
      case "notempty" -> "isnotempty";
      case "parseurl" -> "parse_url";
      case "parseurlquery" -> "parse_urlquery";
      case "base64_encodestring" -> "base64_encode_tostring";
      case "extractall" -> "extract_all";
      case "weekofyear" -> "week_of_year";
      case "datepart" -> "datetime_part";
      case "pack_dictionary" -> "bag_pack";
      case "merge_tdigest" -> "tdigest_merge";
      default -> name;
    };
  }

  private static ScalarFunction general(String name, ScalarType[] types, ScalarType result) {
    return switch (name) {
      case "isempty" -> a -> isEmpty(a[0]);
      case "isnotempty" -> a -> !isEmpty(a[0]);
      case "isnull" -> a -> a[0] == null || a[0] instanceof Dynamic.DynNull;
      case "isnotnull" -> a -> !(a[0] == null || a[0] instanceof Dynamic.DynNull);
      case "not" -> a -> {
        Boolean b = Coerce.toBool(a[0]);
        return b == null ? null : !b;
      };
      case "iff", "iif" -> a -> Coerce.to(result, Boolean.TRUE.equals(Coerce.toBool(a[0])) ? a[1] : a[2]);
      case "case" -> a -> caseOf(a, result);
      case "coalesce" -> a -> coalesce(a, result);
      case "tolong", "toint" -> a -> Coerce.box(Coerce.toLong(ScalarOps.unwrap(a[0])));
      case "toreal", "todouble", "todecimal" -> a -> Coerce.toReal(ScalarOps.unwrap(a[0]));
      case "tobool", "toboolean" -> a -> Coerce.toBool(ScalarOps.unwrap(a[0]));
      case "tostring" -> a -> Coerce.toStringValue(a[0], types[0]);
      case "toguid" -> a -> {
        java.util.UUID u = dev.kqlhunt.value.Guids.parse(Coerce.toStringValue(a[0], types[0]));
        return u == null ? null : u.toString();
      };
      case "todynamic", "parse_json", "todynamic_", "toobject" -> a -> parseJson(a[0], types[0]);
      case "array_length" -> a -> Coerce.box(DynamicOps.arrayLength(Coerce.toDynamic(a[0])));
      case "bag_keys" -> a -> DynamicOps.bagKeys(Coerce.toDynamic(a[0]));
      case "gettype" -> a -> DynamicOps.typeName(Cells.toDynamic(a[0], types[0]));
      case "pack_array" -> a -> packArray(a, types);
      case "bag_pack", "pack" -> a -> bagPack(a, types);
      case "set_has_element" -> a -> indexOf(a, true);
      case "array_index_of" -> a -> indexOf(a, false);
      case "abs" -> a -> a[0] instanceof Long l ? (Object) Math.abs(l) : a[0] instanceof Double d ? (Object) Math.abs(d) : null;
      case "round" -> a -> round(a);
      case "max_of", "min_of" -> a -> extreme(a, name.equals("max_of"), result);
      default -> null;
    };
  }

  static boolean isEmpty(Object v) {
    return v == null || v instanceof Dynamic.DynNull || (v instanceof String s && s.isEmpty())
        || (v instanceof Dynamic.DynString d && d.value().isEmpty());
  }

  private static Object caseOf(Object[] a, ScalarType result) {
    for (int i = 0; i + 1 < a.length; i += 2) {
      if (Boolean.TRUE.equals(Coerce.toBool(a[i]))) return Coerce.to(result, a[i + 1]);
    }
    return Coerce.to(result, a[a.length - 1]);
  }

  private static Object coalesce(Object[] a, ScalarType result) {
    for (Object v : a) if (!isEmpty(v)) return Coerce.to(result, v);
    return null;
  }

  private static Object parseJson(Object v, ScalarType type) {
    if (v instanceof String s) return Cells.fromDynamic(DynamicJson.parse(s));
    return Cells.fromDynamic(Cells.toDynamic(v, type));
  }

  private static Object packArray(Object[] a, ScalarType[] types) {
    List<Dynamic> out = new ArrayList<>(a.length);
    for (int i = 0; i < a.length; i++) out.add(Cells.toDynamic(a[i], types[i]));
    return new Dynamic.DynArray(out);
  }

  private static Object bagPack(Object[] a, ScalarType[] types) {
    java.util.Map<String, Dynamic> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < a.length; i += 2) {
      m.put(Coerce.toStringValue(a[i], types[i]), Cells.toDynamic(a[i + 1], types[i + 1]));
    }
    return new Dynamic.DynBag(m);
  }

  private static Object indexOf(Object[] a, boolean asBool) {
    Dynamic arr = Coerce.toDynamic(a[0]);
    if (!(arr instanceof Dynamic.DynArray array)) return null;
    Object needle = ScalarOps.unwrap(a[1]);
    int n = array.elements().size();
    // array_index_of(arr, lookup [, start [, length [, occurrence]]]) (array-index-of-function.md):
    // a negative start counts from the end; length -1 means to the end.
    long start = a.length > 2 ? Coerce.toLong(ScalarOps.unwrap(a[2])) : 0;
    long length = a.length > 3 ? Coerce.toLong(ScalarOps.unwrap(a[3])) : -1;
    long occurrence = a.length > 4 ? Coerce.toLong(ScalarOps.unwrap(a[4])) : 1;
    if (start == Coerce.NULL_LONG || length == Coerce.NULL_LONG || occurrence == Coerce.NULL_LONG) return null;
    if (start < 0) start = Math.max(0, n + start);
    if (length < -1 || occurrence <= 0) return null;
    long end = length == -1 ? n : Math.min(n, start + length);
    long seen = 0;
    for (int i = (int) Math.min(start, n); i < end; i++) {
      Object e = ScalarOps.unwrap(array.elements().get(i));
      if (e != null && needle != null && ScalarOps.valuesEqual(e, needle, false) && ++seen == occurrence) {
        return asBool ? (Object) true : (Object) (long) i;
      }
    }
    return asBool ? (Object) false : (Object) (-1L);
  }

  private static Object round(Object[] a) {
    Double d = Coerce.toReal(ScalarOps.unwrap(a[0]));
    if (d == null) return null;
    long digits = a.length > 1 ? Coerce.toLong(a[1]) : 0;
    if (digits == Coerce.NULL_LONG) return null;
    java.math.BigDecimal b = java.math.BigDecimal.valueOf(d).setScale((int) digits, java.math.RoundingMode.HALF_EVEN);
    return a[0] instanceof Long ? (Object) b.longValue() : (Object) b.doubleValue();
  }

  private static Object extreme(Object[] a, boolean max, ScalarType result) {
    Object best = null;
    for (Object v : a) {
      Object x = ScalarOps.unwrap(v);
      if (x == null) continue;
      if (best == null || (ScalarOps.compare(x, best) > 0) == max && ScalarOps.compare(x, best) != 0) best = x;
    }
    return Coerce.to(result, best);
  }
}
