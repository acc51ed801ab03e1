package dev.kqlhunt.rules;

import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a rule came from: its file and the span of each field, keyed by path ({@code id},
 * {@code tactics[1]}, {@code entityMappings[0].fieldMappings[1].columnName}), so that validation long
 * after loading still points at the right text. A path without a span falls back to the whole file.
 */
public record RuleOrigin(SourceText file, Map<String, TextSpan> spans) {
  public RuleOrigin {
    Objects.requireNonNull(file, "file is null");
    spans = Collections.unmodifiableMap(new LinkedHashMap<>(spans));
  }

  /** The span of {@code path}, or of its nearest recorded parent, or the file start. */
  public TextSpan span(String path) {
    String p = path;
    while (true) {
      TextSpan s = spans.get(p);
      if (s != null) return s;
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return TextSpan.EMPTY;
      p = p.substring(0, cut);
    }
  }
}
