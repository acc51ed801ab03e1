package dev.kqlhunt.rmm;

import java.util.List;

/**
 * Emits YAML scalars for the files the package writes (catalog entries and generated rules). Strings
 * are always single-quoted, the one YAML style in which backslashes are literal, so Windows paths and
 * registry keys need no escaping; multi-line text uses a literal block that keeps every character.
 */
final class YamlText {
  private YamlText() {}

  /** A single-quoted scalar; rejects control characters, which that style cannot carry. */
  static String quote(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("control character in YAML scalar: " + value);
      }
    }
    return "'" + value.replace("'", "''") + "'";
  }

  /** A flow list of single-quoted scalars: {@code ['a', 'b']}. */
  static String quotedList(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
    }
    return sb.append(']').toString();
  }

  /** A flow list of plain scalars (only for values known to be plain-safe, like ids and numbers). */
  static String plainList(List<?> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(values.get(i));
    }
    return sb.append(']').toString();
  }

  /**
   * Appends {@code key: |} and the text as a literal block indented by {@code indent} spaces. The
   * chomping indicator is chosen so the text reads back identically: clip for one final newline,
   * strip ({@code |-}) for none, keep ({@code |+}) for several.
   */
  static void literalBlock(StringBuilder out, String prefix, String key, String text, int indent) {
    if (text.isEmpty() || text.startsWith(" ") || text.startsWith("\n")) {
      throw new IllegalArgumentException("text cannot be written as a plain literal block: " + key);
    }
    String chomp = text.endsWith("\n\n") ? "+" : text.endsWith("\n") ? "" : "-";
    out.append(prefix).append(key).append(": |").append(chomp).append('\n');
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    String pad = " ".repeat(indent);
    for (String line : body.split("\n", -1)) {
      out.append(line.isEmpty() ? "" : pad).append(line).append('\n');
    }
  }
}
