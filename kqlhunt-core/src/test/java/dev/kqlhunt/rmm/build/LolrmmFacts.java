package dev.kqlhunt.rmm.build;

import dev.kqlhunt.rmm.Confidence;
import dev.kqlhunt.rmm.Indicator;
import dev.kqlhunt.rmm.Provenance;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Cleans the facts of one LOLRMM file into catalog indicators (rules in docs/RMM.md, "Cleaning"). */
final class LolrmmFacts {
  private static final Set<String> PLACEHOLDERS = Set.of("", "user_managed", "n/a", "na", "none", "-", "tbd");

  /** Segments of Windows' own registry layout; a key made only of these names no tool. */
  private static final Set<String> WINDOWS_KEY_SEGMENTS =
      Set.of("software", "microsoft", "windows", "windows nt", "currentversion", "run", "runonce",
          "services", "system", "currentcontrolset", "controlset001", "control", "uninstall", "classes",
          "shell", "open", "command", "wow6432node", "policies", "explorer", "sam", "security", "",
          "terminal server", "winlogon", "image file execution options", "appcompatflags", "drivers",
          "lsa", "print", "printers", "environment", "session manager", "safeboot", "minimal", "network");

  private final LolrmmEntry entry;
  private final IndicatorSet out;
  private final List<String> jischellSigners;
  private final Provenance provenance;

  LolrmmFacts(LolrmmEntry entry, IndicatorSet out, List<String> jischellSigners) {
    this.entry = entry;
    this.out = out;
    this.jischellSigners = jischellSigners;
    this.provenance = ToolAssembler.lolrmm(entry);
  }

  void addAll() {
    for (Map<String, String> pe : entry.peMetadata()) {
      addPeMetadata(pe);
    }
    for (String p : entry.installationPaths()) {
      addPathOrName(p);
    }
    for (String p : entry.diskFiles()) {
      addPathOrName(p);
    }
    for (String d : entry.domains()) {
      String clean = DomainCleaner.clean(d);
      if (clean != null) {
        List<Integer> ports = entry.ports().stream().filter(p -> p >= 1 && p <= 65535).distinct().toList();
        out.add(new Indicator.Domain(clean, ports, Noise.domain(clean, Confidence.MEDIUM, Noise.site(entry.website())), provenance));
      }
    }
    for (String k : entry.registryPaths()) {
      addRegistryKey(k);
    }
    for (String s : entry.serviceNames()) {
      if (!isPlaceholder(s)) {
        Confidence c = Noise.isGenericTerm(s) ? Confidence.LOW : Confidence.MEDIUM;
        out.add(new Indicator.ServiceName(s.strip(), c, provenance));
      }
    }
    for (String s : entry.signers()) {
      addSigner(s);
    }
  }

  private void addPeMetadata(Map<String, String> pe) {
    String fileName = pe.getOrDefault("Filename", "");
    if (!isPlaceholder(fileName)) {
      addPathOrName(fileName);
    }
    String ofn = pe.getOrDefault("OriginalFileName", "");
    String product = pe.getOrDefault("Product", "");
    String company = pe.getOrDefault("Company", "");
    List<String> o = isPlaceholder(ofn) ? List.of() : List.of(ofn.strip());
    List<String> p = isPlaceholder(product) ? List.of() : List.of(product.strip());
    List<String> c = isPlaceholder(company) ? List.of() : List.of(company.strip());
    if (o.isEmpty() && p.isEmpty() && c.isEmpty()) {
      return;
    }
    boolean generic = (o.isEmpty() || Noise.isGenericTerm(o.get(0)))
        && (p.isEmpty() || Noise.isGenericTerm(p.get(0)))
        && (c.isEmpty() || Noise.isGenericTerm(c.get(0)));
    // Windows' own binary (mstsc.exe) or a bundled third-party utility (plink.exe) as the original
    // file name: every host or many products match it, whatever the other fields say.
    generic |= !o.isEmpty() && (Noise.WINDOWS_BINARIES.contains(o.get(0).toLowerCase(Locale.ROOT))
        || Noise.isGenericTerm(o.get(0)) && p.isEmpty() && c.isEmpty());
    out.add(new Indicator.PeVersionInfo(c, p, o, generic ? Confidence.LOW : Confidence.MEDIUM, provenance));
  }

  /** A bare file name becomes a process name; anything with a separator becomes expanded paths. */
  private void addPathOrName(String raw) {
    String text = raw.strip();
    if (isPlaceholder(text)) {
      return;
    }
    if (PathNormalizer.isBareFileName(text)) {
      String name = PathNormalizer.wildcardPlaceholders(text);
      // '<impersonated-org>Agent.exe' (Rodex) leaves only a generic word once the placeholder is a
      // wildcard: it names no tool, so it is dropped rather than kept at low confidence.
      if (!name.equals(text) && Noise.isGenericTerm(name.replace("*", ""))) {
        return;
      }
      if (name.contains(".") || name.contains("*")) {
        out.add(new Indicator.ProcessName(name, Noise.processName(name), provenance));
      }
      return;
    }
    for (String path : PathNormalizer.expand(text)) {
      String lower = path.toLowerCase(Locale.ROOT);
      boolean system = lower.startsWith("c:\\windows\\") && !lower.contains("\\config\\systemprofile\\");
      out.add(new Indicator.Path(path, system ? Confidence.LOW : Confidence.MEDIUM, provenance));
    }
  }

  private void addRegistryKey(String raw) {
    String key = PathNormalizer.wildcardPlaceholders(raw.strip()).replace("/", "\\").replaceFirst("^([A-Za-z_]+):\\\\", "$1\\\\");
    String[] parts = key.split("\\\\", 2);
    String hive =
        switch (parts[0].toUpperCase(Locale.ROOT)) {
          case "HKLM", "HKEY_LOCAL_MACHINE" -> "HKEY_LOCAL_MACHINE";
          case "HKCU", "HKEY_CURRENT_USER" -> "HKEY_CURRENT_USER";
          case "HKU", "HKEY_USERS" -> "HKEY_USERS";
          // Defender reports the merged classes view under the machine hive.
          case "HKCR", "HKEY_CLASSES_ROOT" -> "HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes";
          default -> null;
        };
    if (hive == null || parts.length < 2 || parts[1].isBlank()) {
      return;
    }
    String rest = parts[1].replaceAll("\\\\+$", "");
    boolean generic = true;
    for (String seg : rest.split("\\\\")) {
      generic &= WINDOWS_KEY_SEGMENTS.contains(seg.replace("*", "").strip().toLowerCase(Locale.ROOT));
    }
    out.add(new Indicator.RegistryKey(hive + "\\" + rest, generic ? Confidence.LOW : Confidence.MEDIUM, provenance));
  }

  /**
   * LOLRMM signer names were extracted from downloaded binaries without review (Remote Desktop Plus
   * lists an unrelated signer), so they are low unless jischell's reviewed signer agrees.
   */
  private void addSigner(String raw) {
    String s = raw.strip();
    if (isPlaceholder(s)) {
      return;
    }
    String l = s.toLowerCase(Locale.ROOT);
    boolean agrees = false;
    for (String j : jischellSigners) {
      String jl = j.toLowerCase(Locale.ROOT);
      agrees |= l.contains(jl) || jl.contains(l);
    }
    out.add(new Indicator.Signer(s, agrees ? Confidence.MEDIUM : Confidence.LOW, provenance));
  }

  private static boolean isPlaceholder(String s) {
    return PLACEHOLDERS.contains(s.strip().toLowerCase(Locale.ROOT));
  }
}
