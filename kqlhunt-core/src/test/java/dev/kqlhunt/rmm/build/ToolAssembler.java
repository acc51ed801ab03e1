package dev.kqlhunt.rmm.build;

import dev.kqlhunt.rmm.Category;
import dev.kqlhunt.rmm.Confidence;
import dev.kqlhunt.rmm.Indicator;
import dev.kqlhunt.rmm.KeptRule;
import dev.kqlhunt.rmm.Provenance;
import dev.kqlhunt.rmm.RmmTool;
import dev.kqlhunt.rmm.RmmRuleKind;
import dev.kqlhunt.rmm.Source;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds one catalog entry from the LOLRMM files of a product and the jischell rules mapped to it,
 * cleaning the facts on the way (see docs/RMM.md, "Cleaning"). jischell facts come first so that,
 * when both catalogs hold a fact, the reviewed one is kept.
 */
final class ToolAssembler {
  private final List<LolrmmEntry> entries;
  private final List<JischellRule> rules;
  private final String jischellName;
  private final IndicatorSet indicators = new IndicatorSet();

  ToolAssembler(List<LolrmmEntry> entries, List<JischellRule> rules, String jischellName) {
    this.entries = entries;
    this.rules = rules;
    this.jischellName = jischellName;
  }

  RmmTool assemble() {
    for (JischellRule r : rules) {
      addJischellFacts(r);
    }
    List<String> jischellSigners = new ArrayList<>();
    for (JischellRule r : rules) {
      jischellSigners.addAll(r.values("Signer"));
    }
    for (LolrmmEntry e : entries) {
      new LolrmmFacts(e, indicators, jischellSigners).addAll();
    }
    String name = entries.isEmpty() ? jischellName : entries.get(0).name();
    for (Indicator i : Curated.facts(slug(name))) {
      indicators.add(i);
    }
    return new RmmTool(
        slug(name), name, aliases(name), vendor(), website(), category(), attack(), platforms(),
        indicators.list(), keptRules());
  }

  private void addJischellFacts(JischellRule r) {
    String p = "ProcessVersionInfo";
    String ip = "InitiatingProcessVersionInfo";
    addPe(r, r.values(p + "CompanyName"), r.values(p + "ProductName"), r.values(p + "OriginalFileName"));
    if (!hasProcessRule()) {
      // A network rule's initiating-process test is a process fact only when the tool has no
      // process rule; otherwise it repeats (more loosely) what the process rule states.
      addPe(r, r.values(ip + "CompanyName"), r.values(ip + "ProductName"), r.values(ip + "OriginalFileName"));
    }
    for (String s : r.values("Signer")) {
      Confidence c = Noise.isGenericTerm(s) ? Confidence.LOW : Confidence.HIGH;
      indicators.add(new Indicator.Signer(s, c, r.provenance()));
    }
    for (String url : r.values("RemoteUrl")) {
      String d = DomainCleaner.clean(url);
      if (d != null) {
        indicators.add(new Indicator.Domain(d, List.of(), Noise.domain(d, Confidence.HIGH, entries.isEmpty() ? "" : Noise.site(entries.get(0).website())), r.provenance()));
      }
    }
  }

  private boolean hasProcessRule() {
    for (JischellRule r : rules) {
      if (r.kind() == RmmRuleKind.PROCESS_VERSION_INFO && !r.facts().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds a PE entry. A single-field entry whose alternatives include a generic term is split, which
   * keeps its meaning (OR distributes): the specific alternatives stay high, the generic ones go low.
   */
  private void addPe(JischellRule r, List<String> company, List<String> product, List<String> ofn) {
    int fields = (company.isEmpty() ? 0 : 1) + (product.isEmpty() ? 0 : 1) + (ofn.isEmpty() ? 0 : 1);
    if (fields == 0) {
      return;
    }
    if (fields > 1) {
      indicators.add(new Indicator.PeVersionInfo(company, product, ofn, Confidence.HIGH, r.provenance()));
      return;
    }
    List<String> values = !company.isEmpty() ? company : !product.isEmpty() ? product : ofn;
    List<String> specific = values.stream().filter(v -> !Noise.isGenericTerm(v)).toList();
    List<String> generic = values.stream().filter(Noise::isGenericTerm).toList();
    addSingleField(r, company, product, specific, Confidence.HIGH);
    addSingleField(r, company, product, generic, Confidence.LOW);
  }

  private void addSingleField(
      JischellRule r, List<String> company, List<String> product, List<String> values, Confidence c) {
    if (values.isEmpty()) {
      return;
    }
    List<String> none = List.of();
    indicators.add(
        !company.isEmpty()
            ? new Indicator.PeVersionInfo(values, none, none, c, r.provenance())
            : !product.isEmpty()
                ? new Indicator.PeVersionInfo(none, values, none, c, r.provenance())
                : new Indicator.PeVersionInfo(none, none, values, c, r.provenance()));
  }

  private List<KeptRule> keptRules() {
    List<KeptRule> out = new ArrayList<>();
    for (JischellRule r : rules) {
      if (!r.isKept()) {
        continue;
      }
      out.add(new KeptRule(r.id(), r.kind(), r.name(), r.query(), r.provenance()));
    }
    return out;
  }

  private List<String> aliases(String name) {
    Set<String> out = new LinkedHashSet<>();
    for (LolrmmEntry e : entries) {
      out.add(e.name());
    }
    if (jischellName != null) {
      out.add(jischellName);
    }
    out.removeIf(a -> key(a).equals(key(name)));
    return List.copyOf(out);
  }

  private String vendor() {
    for (LolrmmEntry e : entries) {
      for (var pe : e.peMetadata()) {
        String c = pe.getOrDefault("Company", "");
        if (!c.isBlank()) {
          return c.strip();
        }
      }
    }
    // A LOLRMM signer confirmed by jischell carries the full legal name ("AnyDesk Software GmbH").
    for (Confidence wanted : List.of(Confidence.MEDIUM, Confidence.HIGH)) {
      for (Indicator i : indicators.list()) {
        if (i instanceof Indicator.Signer s && s.confidence() == wanted) {
          return s.name();
        }
      }
    }
    for (Indicator i : indicators.list()) {
      if (i instanceof Indicator.PeVersionInfo pe && !pe.company().isEmpty() && pe.confidence() == Confidence.HIGH) {
        return pe.company().get(0);
      }
    }
    return null;
  }

  private String website() {
    for (LolrmmEntry e : entries) {
      String w = e.website();
      if (w.startsWith("http://") || w.startsWith("https://")) {
        return w.split("\\s")[0];
      }
    }
    return null;
  }

  private Category category() {
    return entries.isEmpty() || !entries.get(0).category().equals("RAT") ? Category.RMM : Category.RAT;
  }

  private List<String> attack() {
    boolean remoteDesktop = entries.isEmpty();
    for (LolrmmEntry e : entries) {
      for (String c : e.capabilities()) {
        String l = c.toLowerCase(Locale.ROOT);
        remoteDesktop |= l.contains("remote control") || l.contains("gui");
      }
    }
    // T1219.002 is "Remote Desktop Software"; tools that only transfer files or tunnel stay at T1219.
    return remoteDesktop ? List.of("T1219", "T1219.002") : List.of("T1219");
  }

  private List<String> platforms() {
    Set<String> out = new LinkedHashSet<>();
    for (LolrmmEntry e : entries) {
      for (String os : e.supportedOs()) {
        out.add(platform(os));
      }
    }
    if (entries.isEmpty()) {
      out.add("windows");
    }
    out.remove("");
    return List.copyOf(out);
  }

  private static String platform(String os) {
    String l = os.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return switch (l) {
      case "mac", "macos", "osx", "macosx" -> "macos";
      case "ios", "ipados" -> "ios";
      default -> l;
    };
  }

  /** The catalog slug of a display name: ASCII letters and digits in hyphen-separated words. */
  static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String s = ascii.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-");
    return s.replaceAll("^-+|-+$", "");
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  static Provenance lolrmm(LolrmmEntry e) {
    return new Provenance(Source.LOLRMM, e.file());
  }

}
