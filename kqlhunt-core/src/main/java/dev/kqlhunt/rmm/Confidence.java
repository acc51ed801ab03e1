package dev.kqlhunt.rmm;

import java.util.Locale;

/**
 * How much a detection may rely on an indicator. {@link #LOW} marks facts that are generic (a file named
 * {@code launch.exe}), unreviewed (signer names extracted by LOLRMM from downloaded binaries) or shared
 * infrastructure (a cloud storage domain): they stay in the catalog for analysts but generated rules
 * skip them by default.
 */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW;

  /** The spelling used in catalog files: {@code high}, {@code medium}, {@code low}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a catalog spelling; returns null when the text names no confidence. */
  public static Confidence fromYaml(String text) {
    for (Confidence c : values()) {
      if (c.yamlName().equals(text)) {
        return c;
      }
    }
    return null;
  }

  /** True when this confidence is at least {@code floor}. */
  public boolean atLeast(Confidence floor) {
    return ordinal() <= floor.ordinal();
  }
}
