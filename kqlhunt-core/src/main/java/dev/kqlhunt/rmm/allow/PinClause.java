package dev.kqlhunt.rmm.allow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One condition of a compiled exclusion, kept twice: as KQL text (what the exclusion file holds) and as
 * a Java predicate over an event's columns with the same meaning (the stand-in evaluator tests use, as
 * {@code RmmMatcher} is for rules). Built only by the factories below so the two cannot drift.
 */
record PinClause(String kql, Predicate<Map<String, String>> test) {

  /** {@code column} equals one of the values, case-insensitively ({@code in~}). */
  static PinClause anyEquals(String column, List<String> values) {
    List<String> lower = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    return new PinClause(column + " in~ (" + literals(values) + ")",
        e -> lower.contains(value(e, column).toLowerCase(Locale.ROOT)));
  }

  /**
   * {@code column} matches one of the path or name globs: a trailing separator means "the folder and
   * below" ({@code startswith}), {@code *} is a wildcard (anchored regex), otherwise equality ({@code =~}).
   */
  static PinClause anyGlob(String column, List<String> globs) {
    List<String> kql = new ArrayList<>();
    List<Pattern> java = new ArrayList<>();
    for (String g : globs) {
      String pattern = g.endsWith("\\") || g.endsWith("/") ? g + "*" : g;
      java.add(Pattern.compile(regex(pattern), Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
      int star = pattern.indexOf('*');
      if (star < 0) {
        kql.add(column + " =~ " + verbatim(pattern));
      } else if (star == pattern.length() - 1) {
        kql.add(column + " startswith " + verbatim(pattern.substring(0, star)));
      } else {
        kql.add(column + " matches regex " + verbatim("(?i)" + regex(pattern)));
      }
    }
    return new PinClause(or(kql), e -> {
      String v = value(e, column);
      for (Pattern p : java) if (p.matcher(v).matches()) return true;
      return false;
    });
  }

  /** {@code RemoteUrl} is one of the hosts, or (for {@code *.suffix}) a host under the suffix. */
  static PinClause anyHost(String column, List<String> domains) {
    List<String> kql = new ArrayList<>();
    for (String d : domains) {
      String host = d.toLowerCase(Locale.ROOT);
      kql.add(host.startsWith("*.")
          ? column + " endswith " + literal(host.substring(1))
          : column + " =~ " + literal(host));
    }
    return new PinClause(or(kql), e -> {
      String v = value(e, column).toLowerCase(Locale.ROOT);
      for (String d : domains) {
        String host = d.toLowerCase(Locale.ROOT);
        if (host.startsWith("*.") ? v.endsWith(host.substring(1)) : v.equals(host)) return true;
      }
      return false;
    });
  }

  /** A fixed comparison, e.g. {@code IsTrusted == true}. */
  static PinClause isTrue(String column) {
    return new PinClause(column + " == true", e -> "true".equalsIgnoreCase(value(e, column)));
  }

  static PinClause either(PinClause a, PinClause b) {
    return new PinClause("(" + a.kql + " or " + b.kql + ")", e -> a.test.test(e) || b.test.test(e));
  }

  private static String value(Map<String, String> e, String column) {
    String v = e.get(column);
    return v == null ? "" : v;
  }

  private static String or(List<String> parts) {
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" or ", parts) + ")";
  }

  private static String literals(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) out.add(literal(v));
    return String.join(", ", out);
  }

  /** A KQL regular string literal. */
  static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** A KQL verbatim string literal ({@code @'...'}, quotes doubled): paths stay readable. */
  static String verbatim(String text) {
    return "@'" + text.replace("'", "''") + "'";
  }

  /** An anchored regex of a {@code *} glob (RE2 and java.util.regex agree on this subset). */
  static String regex(String glob) {
    StringBuilder sb = new StringBuilder("^");
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') sb.append(".*");
      else if ("\\.[]{}()^$|?+".indexOf(c) >= 0) sb.append('\\').append(c);
      else sb.append(c);
    }
    return sb.append('$').toString();
  }
}
