package dev.kqlhunt.rules.exclusions;

import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.text.SourceText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The entries of one exclusions file, in file order. Immutable. */
public record ExclusionSet(SourceText file, List<Exclusion> exclusions) {
  public ExclusionSet {
    Objects.requireNonNull(file, "file is null");
    exclusions = List.copyOf(exclusions);
  }

  /** The entries that select {@code rule}, split into those in force on {@code today} and expired ones. */
  public Selection select(SentinelRule rule, LocalDate today) {
    List<Exclusion> active = new ArrayList<>();
    List<Exclusion> expired = new ArrayList<>();
    for (Exclusion e : exclusions) {
      if (!e.appliesTo(rule)) continue;
      (e.isExpired(today) ? expired : active).add(e);
    }
    return new Selection(active, expired);
  }

  /** Entries for one rule: {@code active} filter its tables; {@code expired} are only reported. */
  public record Selection(List<Exclusion> active, List<Exclusion> expired) {
    public Selection {
      active = List.copyOf(active);
      expired = List.copyOf(expired);
    }
  }
}
