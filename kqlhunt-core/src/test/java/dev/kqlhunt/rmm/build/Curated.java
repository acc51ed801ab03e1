package dev.kqlhunt.rmm.build;

import dev.kqlhunt.rmm.Confidence;
import dev.kqlhunt.rmm.Indicator;
import dev.kqlhunt.rmm.Provenance;
import dev.kqlhunt.rmm.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Facts for tools that LOLRMM lists without any value (empty shells), added only where the fact is
 * certain from the project's own public material: the executable names an open-source project builds
 * and ships. Each carries the {@code kqlhunt-curated} source with the primary source named in its
 * provenance, and at most medium confidence. Nothing is added to reach a count; docs/RMM.md lists them.
 */
final class Curated {
  private Curated() {}

  private record Facts(String source, List<String> processNames) {}

  private static final Map<String, Facts> FACTS = Map.of(
      "freerdp", new Facts("FreeRDP project (github.com/FreeRDP/FreeRDP): its Windows client wfreerdp and X11 client xfreerdp",
          List.of("wfreerdp.exe", "xfreerdp")),
      "remmina", new Facts("Remmina project (gitlab.com/Remmina/Remmina): the GTK client's executable",
          List.of("remmina")),
      "x2go", new Facts("X2Go project (wiki.x2go.org, code.x2go.org releases): the X2Go Client for Windows and Linux",
          List.of("x2goclient.exe", "x2goclient")),
      "xrdp", new Facts("xrdp project (github.com/neutrinolabs/xrdp): its server and session-manager daemons",
          List.of("xrdp", "xrdp-sesman")),
      "terminals", new Facts("Terminals project (github.com/Terminals-Origin/Terminals, the site LOLRMM names):"
          + " Source/Terminals/Terminals.csproj builds the Windows executable assembly 'Terminals'",
          List.of("Terminals.exe")),
      "chicken-of-the-vnc", new Facts("Chicken of the VNC (github.com/flit/cotvnc, the site LOLRMM names):"
          + " Resources/Info.plist, CFBundleExecutable 'Chicken of the VNC' (the macOS process name)",
          List.of("Chicken of the VNC")),
      "synergy", new Facts("Synergy (github.com/symless/synergy): extra/cmake/Synergy.cmake names the binaries"
          + " after the project, 'synergy-core' for the keyboard and mouse sharing core",
          List.of("synergy-core.exe", "synergy-core")));

  /** The curated facts of the tool {@code id}; empty for most tools. */
  static List<Indicator> facts(String id) {
    Facts f = FACTS.get(id);
    if (f == null) {
      return List.of();
    }
    Provenance p = new Provenance(Source.KQLHUNT_CURATED, f.source());
    List<Indicator> out = new ArrayList<>();
    for (String name : f.processNames()) {
      Confidence c = Noise.processName(name);
      out.add(new Indicator.ProcessName(name, c.atLeast(Confidence.MEDIUM) ? Confidence.MEDIUM : c, p));
    }
    return out;
  }

  /** The ids of the tools with curated facts. */
  static java.util.Set<String> toolIds() {
    return FACTS.keySet();
  }
}
