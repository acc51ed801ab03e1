package dev.kqlhunt.rules;

/** Sentinel's alert severities, lowest first. */
public enum RuleSeverity {
  INFORMATIONAL("Informational"),
  LOW("Low"),
  MEDIUM("Medium"),
  HIGH("High");

  private final String sentinelName;

  RuleSeverity(String sentinelName) {
    this.sentinelName = sentinelName;
  }

  public String sentinelName() {
    return sentinelName;
  }

  /** Case-insensitive lookup; null when the name is not a severity. */
  public static RuleSeverity fromSentinelName(String name) {
    for (RuleSeverity s : values()) {
      if (s.sentinelName.equalsIgnoreCase(name.trim())) return s;
    }
    return null;
  }
}
