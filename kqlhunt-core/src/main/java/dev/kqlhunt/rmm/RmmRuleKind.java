package dev.kqlhunt.rmm;

/**
 * The kinds of hunting rule the pack generates per tool, each reading one Defender table. The
 * {@link #slug()} takes part in the deterministic rule id, so it must never change once released.
 */
public enum RmmRuleKind {
  PROCESS_VERSION_INFO("process-versioninfo", "DeviceProcessEvents", "Create Process"),
  PROCESS_NAME("process-name", "DeviceProcessEvents", "Process Name"),
  NETWORK("network", "DeviceNetworkEvents", "Network Connection"),
  FILE("file", "DeviceFileEvents", "File Path"),
  REGISTRY("registry", "DeviceRegistryEvents", "Registry Key"),
  SERVICE("service", "DeviceEvents", "Service Install"),
  SIGNER("signer", "DeviceFileCertificateInfo", "File Signature");

  private final String slug;
  private final String table;
  private final String title;

  RmmRuleKind(String slug, String table, String title) {
    this.slug = slug;
    this.table = table;
    this.title = title;
  }

  /** Stable spelling used in catalog files and rule ids. */
  public String slug() {
    return slug;
  }

  /** The Defender table the rule reads. */
  public String table() {
    return table;
  }

  /** The suffix of generated rule names, as jischell names its rules ("Create Process"). */
  public String title() {
    return title;
  }

  /** Parses a slug; returns null when the text names no kind. */
  public static RmmRuleKind fromSlug(String text) {
    for (RmmRuleKind k : values()) {
      if (k.slug.equals(text)) {
        return k;
      }
    }
    return null;
  }
}
