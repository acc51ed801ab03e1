package dev.kqlhunt.rmm;

/** The kinds of indicator a catalog entry holds, with the rule kind each one feeds. */
public enum IndicatorKind {
  PE_VERSION_INFO("peVersionInfo", RmmRuleKind.PROCESS_VERSION_INFO),
  PROCESS_NAME("processName", RmmRuleKind.PROCESS_NAME),
  PATH("path", RmmRuleKind.FILE),
  SIGNER("signer", RmmRuleKind.SIGNER),
  DOMAIN("domain", RmmRuleKind.NETWORK),
  REGISTRY_KEY("registryKey", RmmRuleKind.REGISTRY),
  SERVICE_NAME("serviceName", RmmRuleKind.SERVICE);

  private final String yamlName;
  private final RmmRuleKind ruleKind;

  IndicatorKind(String yamlName, RmmRuleKind ruleKind) {
    this.yamlName = yamlName;
    this.ruleKind = ruleKind;
  }

  /** The value of an indicator's {@code kind:} key in catalog files. */
  public String yamlName() {
    return yamlName;
  }

  /** The rule kind generated from indicators of this kind. */
  public RmmRuleKind ruleKind() {
    return ruleKind;
  }

  /** Parses a catalog spelling; returns null when the text names no kind. */
  public static IndicatorKind fromYaml(String text) {
    for (IndicatorKind k : values()) {
      if (k.yamlName.equals(text)) {
        return k;
      }
    }
    return null;
  }
}
