package dev.kqlhunt.rmm;

import java.util.Locale;

/** A public catalog a fact comes from; attribution for each is in the repository's NOTICE file. */
public enum Source {
  /** magicsword-io/LOLRMM, Apache-2.0. */
  LOLRMM,
  /** jischell-msft/RemoteManagementMonitoringTools, MIT. */
  JISCHELL,
  /** Azure/Azure-Sentinel copies of the jischell hunting queries (same ids, strict YAML), MIT. */
  SENTINEL,
  /** A correction made by the kqlhunt maintainers, with the reason in docs/RMM.md. */
  KQLHUNT,
  /**
   * A fact the sources name no value for, added by the kqlhunt maintainers from a public primary source
   * stated in the provenance (a project's own release artifacts, a vendor's own domain); never above
   * medium confidence.
   */
  KQLHUNT_CURATED;

  /** The spelling used in catalog files: {@code lolrmm}, ..., {@code kqlhunt-curated}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a catalog spelling; returns null when the text names no source. */
  public static Source fromYaml(String text) {
    for (Source s : values()) {
      if (s.yamlName().equals(text)) {
        return s;
      }
    }
    return null;
  }
}
