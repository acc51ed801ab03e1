package dev.kqlhunt.rules;

/**
 * What a rule file is. Analytics rules name their kind ({@code kind: Scheduled} or {@code kind: NRT});
 * hunting queries (like the RMM rules) have no kind and no schedule: they run once, on demand.
 */
public enum RuleKind {
  /** Runs every queryFrequency over the last queryPeriod and raises alerts per its trigger. */
  SCHEDULED("Scheduled"),
  /** Near-real-time: runs every minute over newly ingested events; no frequency or period. */
  NRT("NRT"),
  /** A hunting query: run once over a chosen window with {@code now()} at its end. */
  HUNTING("Hunting");

  private final String sentinelName;

  RuleKind(String sentinelName) {
    this.sentinelName = sentinelName;
  }

  public String sentinelName() {
    return sentinelName;
  }

  /** The kind named in a file's {@code kind:} (case-insensitive), or null when unknown. */
  public static RuleKind fromSentinelName(String name) {
    for (RuleKind k : values()) {
      if (k.sentinelName.equalsIgnoreCase(name.trim())) return k;
    }
    return null;
  }
}
