package dev.kqlhunt.rules.yaml;

import dev.kqlhunt.text.TextSpan;
import java.util.Objects;

/** A value read from a YAML file with the span of the text it came from, for later diagnostics. */
public record Located<T>(T value, TextSpan span) {
  public Located {
    Objects.requireNonNull(value, "value is null");
    Objects.requireNonNull(span, "span is null");
  }
}
