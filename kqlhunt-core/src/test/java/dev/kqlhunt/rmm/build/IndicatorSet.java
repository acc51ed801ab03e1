package dev.kqlhunt.rmm.build;

import dev.kqlhunt.rmm.Indicator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** An insertion-ordered set of indicators where a fact is identified by kind and value, ignoring case. */
final class IndicatorSet {
  private final List<Indicator> list = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();

  void add(Indicator indicator) {
    if (keys.add(key(indicator))) {
      list.add(indicator);
    }
  }

  List<Indicator> list() {
    return List.copyOf(list);
  }

  /** Kind and value, ignoring case: the identity of a fact, within a tool and across tools. */
  static String key(Indicator i) {
    String value =
        switch (i) {
          case Indicator.PeVersionInfo pe -> pe.company() + "|" + pe.product() + "|" + pe.originalFileName();
          case Indicator.ProcessName p -> p.name();
          case Indicator.Path p -> p.path();
          case Indicator.Signer s -> s.name();
          case Indicator.Domain d -> d.domain();
          case Indicator.RegistryKey r -> r.key();
          case Indicator.ServiceName s -> s.name();
        };
    return i.kind() + ":" + value.toLowerCase(Locale.ROOT);
  }
}
