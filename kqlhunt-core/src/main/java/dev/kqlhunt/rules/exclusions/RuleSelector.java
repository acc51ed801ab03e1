package dev.kqlhunt.rules.exclusions;

import dev.kqlhunt.rules.SentinelRule;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which rules an exclusion applies to: a rule id (compared case-insensitively, as GUIDs are), an exact
 * rule name, or a glob over the name or id where {@code *} matches any run of characters and {@code ?}
 * one character ({@code "Remote Management and Monitoring tool - *"}). Immutable.
 */
public final class RuleSelector {
  private final String text;
  private final Pattern glob;

  public RuleSelector(String text) {
    this.text = Objects.requireNonNull(text, "text is null").trim();
    this.glob = this.text.contains("*") || this.text.contains("?") ? compile(this.text) : null;
  }

  public String text() {
    return text;
  }

  public boolean matches(SentinelRule rule) {
    if (glob != null) return glob.matcher(rule.name()).matches() || glob.matcher(rule.id()).matches();
    return text.equalsIgnoreCase(rule.id()) || text.equals(rule.name());
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
        literal.setLength(0);
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  @Override
  public String toString() {
    return text;
  }
}
