package dev.kqlhunt.rmm;

import java.util.Objects;

/**
 * Where a fact was read: the source catalog and the file inside it (relative to that catalog's root).
 *
 * @param source the public catalog
 * @param file the file the fact was taken from, never blank
 */
public record Provenance(Source source, String file) {
  public Provenance {
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(file, "file is null");
    if (file.isBlank()) {
      throw new IllegalArgumentException("provenance file is blank");
    }
  }

  @Override
  public String toString() {
    return source.yamlName() + ":" + file;
  }
}
