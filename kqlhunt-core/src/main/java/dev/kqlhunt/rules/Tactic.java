package dev.kqlhunt.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The tactics Sentinel accepts in a rule's {@code tactics}, spelt as Sentinel spells them (the
 * {@code AttackTactic} values of the Microsoft.SecurityInsights API: the ATT&CK Enterprise tactics,
 * {@code PreAttack}, and the two ICS-only tactics). Matching is exact, as Sentinel's is.
 */
public enum Tactic {
  Reconnaissance,
  ResourceDevelopment,
  InitialAccess,
  Execution,
  Persistence,
  PrivilegeEscalation,
  DefenseEvasion,
  CredentialAccess,
  Discovery,
  LateralMovement,
  Collection,
  Exfiltration,
  CommandAndControl,
  Impact,
  PreAttack,
  ImpairProcessControl,
  InhibitResponseFunction;

  /** The tactic spelt exactly {@code name}. */
  public static Optional<Tactic> exact(String name) {
    for (Tactic t : values()) {
      if (t.name().equals(name)) return Optional.of(t);
    }
    return Optional.empty();
  }

  /**
   * The tactic a wrong spelling most likely meant: same letters ignoring case, spaces and '-'
   * ({@code Initial access}, {@code Command and control}), else the closest name within edit
   * distance 2 ({@code CommanAndControl}).
   */
  public static Optional<Tactic> suggest(String name) {
    String key = squash(name);
    Tactic best = null;
    int bestDistance = 3;
    for (Tactic t : values()) {
      String candidate = squash(t.name());
      if (candidate.equals(key)) return Optional.of(t);
      int d = EditDistance.levenshtein(candidate, key, bestDistance);
      if (d < bestDistance) {
        best = t;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String squash(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) out.append(Character.toLowerCase(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
