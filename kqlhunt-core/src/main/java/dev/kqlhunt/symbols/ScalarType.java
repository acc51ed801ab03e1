package dev.kqlhunt.symbols;

import java.util.Locale;
import java.util.Map;

/**
 * The scalar types of KQL. {@link #UNKNOWN} is the binder's type for an expression it could not type
 * (an unknown column, say): it suppresses cascading errors and prints as {@code unknown}, as the
 * official parser does.
 */
public enum ScalarType {
  BOOL("bool"),
  INT("int"),
  LONG("long"),
  REAL("real"),
  DECIMAL("decimal"),
  STRING("string"),
  DATETIME("datetime"),
  TIMESPAN("timespan"),
  GUID("guid"),
  DYNAMIC("dynamic"),
  UNKNOWN("unknown");

  private static final Map<String, ScalarType> BY_NAME =
      Map.ofEntries(
          Map.entry("bool", BOOL),
          Map.entry("boolean", BOOL),
          Map.entry("int", INT),
          Map.entry("int32", INT),
          Map.entry("long", LONG),
          Map.entry("int64", LONG),
          Map.entry("real", REAL),
          Map.entry("double", REAL),
          Map.entry("float", REAL),
          Map.entry("decimal", DECIMAL),
          Map.entry("string", STRING),
          Map.entry("datetime", DATETIME),
          Map.entry("date", DATETIME),
          Map.entry("timespan", TIMESPAN),
          Map.entry("time", TIMESPAN),
          Map.entry("guid", GUID),
          Map.entry("uniqueid", GUID),
          Map.entry("dynamic", DYNAMIC),
          Map.entry("unknown", UNKNOWN));

  private final String kustoName;

  ScalarType(String kustoName) {
    this.kustoName = kustoName;
  }

  /** The canonical Kusto name: {@code long}, {@code datetime}, ... */
  public String kustoName() {
    return kustoName;
  }

  /** Looks up a Kusto type name or alias ({@code int64}, {@code double}, {@code boolean}, ...). */
  public static ScalarType fromName(String name) {
    return name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  public boolean isNumeric() {
    return this == INT || this == LONG || this == REAL || this == DECIMAL;
  }

  public boolean isIntegral() {
    return this == INT || this == LONG;
  }

  @Override
  public String toString() {
    return kustoName;
  }
}
