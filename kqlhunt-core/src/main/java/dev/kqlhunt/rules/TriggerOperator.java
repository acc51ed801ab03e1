package dev.kqlhunt.rules;

/**
 * How a scheduled run's result count is compared with {@code triggerThreshold} to decide whether it
 * raises alerts. Files write {@code gt}, {@code lt}, {@code eq}, {@code ne}; the ARM API writes
 * {@code GreaterThan}, {@code LessThan}, {@code Equal}, {@code NotEqual}; both are accepted.
 */
public enum TriggerOperator {
  GT("gt", "GreaterThan"),
  LT("lt", "LessThan"),
  EQ("eq", "Equal"),
  NE("ne", "NotEqual");

  private final String shortName;
  private final String armName;

  TriggerOperator(String shortName, String armName) {
    this.shortName = shortName;
    this.armName = armName;
  }

  public String shortName() {
    return shortName;
  }

  /** True when a run that returned {@code resultCount} rows fires. */
  public boolean fires(long resultCount, long threshold) {
    return switch (this) {
      case GT -> resultCount > threshold;
      case LT -> resultCount < threshold;
      case EQ -> resultCount == threshold;
      case NE -> resultCount != threshold;
    };
  }

  /** Case-insensitive lookup of either spelling; null when unknown. */
  public static TriggerOperator parse(String name) {
    String n = name.trim();
    for (TriggerOperator op : values()) {
      if (op.shortName.equalsIgnoreCase(n) || op.armName.equalsIgnoreCase(n)) return op;
    }
    return null;
  }
}
