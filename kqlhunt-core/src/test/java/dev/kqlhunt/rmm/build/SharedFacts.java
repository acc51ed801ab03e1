package dev.kqlhunt.rmm.build;

import dev.kqlhunt.rmm.Confidence;
import dev.kqlhunt.rmm.Indicator;
import dev.kqlhunt.rmm.RmmTool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last cleaning step, across tools: a tool whose every medium or high fact is also a fact of
 * another catalog tool has nothing that tells it apart. LOLRMM then names it by its relation to the
 * other tool (RDPView lists only DameWare's service {@code dwrcs.exe}; N-ABLE Remote Access Software
 * only the vendor's {@code n-able.com}, also listed for N-able's monitoring agent), so those facts are
 * evidence of the other tool: they go low under this one. A tool with a kept jischell rule is left
 * alone (the rule is reviewed content). The other owners keep their facts.
 */
final class SharedFacts {
  private SharedFacts() {}

  static List<RmmTool> apply(List<RmmTool> tools) {
    Map<String, Set<String>> owners = new HashMap<>();
    for (RmmTool t : tools) {
      for (Indicator i : t.indicators()) {
        if (i.confidence().atLeast(Confidence.MEDIUM)) {
          owners.computeIfAbsent(key(i), k -> new HashSet<>()).add(t.id());
        }
      }
    }
    List<RmmTool> out = new ArrayList<>();
    for (RmmTool t : tools) {
      out.add(hasOwnFact(t, owners) ? t : lowered(t));
    }
    return out;
  }

  /** The ids of the tools {@link #apply} lowers, for the tests and docs/RMM.md. */
  static List<String> loweredIds(List<RmmTool> tools) {
    List<RmmTool> after = apply(tools);
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < tools.size(); n++) {
      if (!tools.get(n).equals(after.get(n))) {
        ids.add(tools.get(n).id());
      }
    }
    return ids;
  }

  private static boolean hasOwnFact(RmmTool t, Map<String, Set<String>> owners) {
    if (!t.keptRules().isEmpty() || !t.hasUsableIndicator(Confidence.MEDIUM)) {
      return true;
    }
    for (Indicator i : t.indicators()) {
      if (i.confidence().atLeast(Confidence.MEDIUM) && owners.get(key(i)).size() == 1) {
        return true;
      }
    }
    return false;
  }

  private static RmmTool lowered(RmmTool t) {
    List<Indicator> low = new ArrayList<>();
    for (Indicator i : t.indicators()) {
      low.add(i.confidence().atLeast(Confidence.MEDIUM) ? withLow(i) : i);
    }
    return new RmmTool(t.id(), t.name(), t.aliases(), t.vendor(), t.website(), t.category(), t.attack(),
        t.platforms(), low, t.keptRules());
  }

  private static Indicator withLow(Indicator i) {
    Confidence c = Confidence.LOW;
    return switch (i) {
      case Indicator.PeVersionInfo pe ->
          new Indicator.PeVersionInfo(pe.company(), pe.product(), pe.originalFileName(), c, pe.provenance());
      case Indicator.ProcessName p -> new Indicator.ProcessName(p.name(), c, p.provenance());
      case Indicator.Path p -> new Indicator.Path(p.path(), c, p.provenance());
      case Indicator.Signer s -> new Indicator.Signer(s.name(), c, s.provenance());
      case Indicator.Domain d -> new Indicator.Domain(d.domain(), d.ports(), c, d.provenance());
      case Indicator.RegistryKey r -> new Indicator.RegistryKey(r.key(), c, r.provenance());
      case Indicator.ServiceName s -> new Indicator.ServiceName(s.name(), c, s.provenance());
    };
  }

  /** Kind and value, ignoring case: the identity of a fact across tools. */
  private static String key(Indicator i) {
    return IndicatorSet.key(i);
  }
}
