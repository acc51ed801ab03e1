package dev.kqlhunt.rmm.build;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.rmm.Confidence;
import dev.kqlhunt.rmm.Indicator;
import dev.kqlhunt.rmm.RmmCatalog;
import dev.kqlhunt.rmm.RmmTool;
import dev.kqlhunt.rmm.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The committed catalog is exactly what {@link CatalogBuilder} makes from ../shared/rmm. Regenerate with
 * {@code -Dkqlhunt.rmm.regenerate=true} (writes src/main/resources/dev/kqlhunt/rmm/tools/ and passes).
 */
@Tag("conformance")
class CatalogBuildTest {
  private static final Path COMMITTED = Path.of("src/main/resources/dev/kqlhunt/rmm/tools");
  private static List<RmmTool> built;

  @BeforeAll
  static void build() throws IOException {
    built = CatalogBuilder.build(Shared.root());
  }

  @Test
  void committedCatalogIsUpToDate() throws IOException {
    Map<String, String> expected = CatalogBuilder.render(built);
    Path dir = Files.isDirectory(COMMITTED) ? COMMITTED : Path.of("kqlhunt-core").resolve(COMMITTED);
    if (Boolean.getBoolean("kqlhunt.rmm.regenerate")) {
      CatalogBuilder.write(expected, dir);
    }
    Map<String, String> actual = new TreeMap<>();
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        actual.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    List<String> stale = new ArrayList<>();
    expected.forEach((f, text) -> {
      if (!text.equals(actual.get(f))) {
        stale.add(f);
      }
    });
    actual.keySet().stream().filter(f -> !expected.containsKey(f)).forEach(stale::add);
    assertEquals(List.of(), stale, "stale catalog files; rerun with -Dkqlhunt.rmm.regenerate=true");
    assertEquals(built.size(), RmmCatalog.loadFrom(dir).tools().size());
  }

  @Test
  void builderKeepsAllJischellToolsAndMergesDuplicates() {
    long withJischell = built.stream()
        .filter(t -> t.indicators().stream().anyMatch(i -> i.provenance().file().contains("rmm_")
            || i.provenance().file().startsWith("RMM/")))
        .count();
    // 6 of jischell's 76 folders are intentionally blank (Auvik, BeAnywhere, BlueTrait.io, CrossLoop,
    // DeskDay, ElectricAI); every other one contributes facts.
    assertTrue(withJischell >= 70, "tools with jischell facts: " + withJischell);
    assertTrue(built.size() < 319, "LOLRMM's 319 files describe fewer distinct products");
  }

  /** The AccountUpn correction is the one Azure-Sentinel made: check it against their copies. */
  @Test
  void accountUpnCorrectionReproducesTheSentinelCopies() throws IOException {
    Path shared = Shared.root();
    Path sentinel = shared.resolve(JischellRule.SENTINEL_DIR);
    int same = 0;
    List<String> differing = new ArrayList<>();
    try (var folders = Files.list(shared.resolve("rmm/jischell/RMM"))) {
      for (Path folder : folders.sorted().toList()) {
        try (var files = Files.list(folder)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
            Path copy = sentinel.resolve(f.getFileName().toString());
            if (!Files.exists(copy)) {
              continue;
            }
            String fixed = JischellRule.withoutAccountUpn(query(Files.readString(f)
                .replaceAll("(?m)^    dataTypes:", "      dataTypes:")));
            String expected = query(Files.readString(copy));
            if (fixed.equals(expected)) {
              same++;
            } else {
              differing.add(f.getFileName().toString());
            }
          }
        }
      }
    }
    assertEquals(112, same);
    // Azure-Sentinel also fixed a "has_all has_any" typo in Level and reflowed two others; those
    // three have corrected copies, so the copies are what the pack keeps.
    assertEquals(List.of("rmm_Level_createproc.yaml", "rmm_ServerEye_createproc.yaml", "rmm_ZohoAssist_filesig.yaml"),
        differing.stream().sorted().toList());
  }

  @Test
  void noiseRules() {
    assertTrue(Noise.isGenericTerm("launch"));
    assertTrue(Noise.isGenericTerm("Viewer"));
    assertTrue(Noise.isGenericTerm("Remote"));
    assertTrue(Noise.isGenericTerm("rdp.exe"));
    assertEquals(false, Noise.isGenericTerm("AnyDesk"));
    assertEquals(Confidence.LOW, Noise.processName("mstsc.exe"));
    assertEquals(Confidence.MEDIUM, Noise.processName("AnyDesk.exe"));
    assertEquals(Confidence.LOW, Noise.processName("InstallShield Setup.exe"));
    assertEquals(Confidence.LOW, Noise.domain("github.com", Confidence.MEDIUM, "komari.dev"));
    assertEquals(Confidence.LOW, Noise.domain("github.com", Confidence.MEDIUM, "github.com"));
    assertEquals(Confidence.LOW, Noise.domain("*.r2.cloudflarestorage.com", Confidence.MEDIUM, ""));
    assertEquals(Confidence.MEDIUM, Noise.domain("remotedesktop-pa.googleapis.com", Confidence.MEDIUM, ""));
    assertEquals(Confidence.MEDIUM, Noise.domain("*.tailscale.com", Confidence.MEDIUM, "tailscale.com"));
    assertEquals(Confidence.LOW, Noise.domain("*.amazonaws.com", Confidence.MEDIUM, ""));
    assertEquals(Confidence.MEDIUM, Noise.domain("*.rel.tunnels.api.visualstudio.com", Confidence.MEDIUM, ""));
    assertEquals(Confidence.LOW, Noise.domain("www.faronics.com", Confidence.MEDIUM, "faronics.com"));
    assertEquals(Confidence.MEDIUM, Noise.domain("faronics.com", Confidence.MEDIUM, "faronics.com"));
    assertEquals(Confidence.LOW, Noise.domain("weezo.en.softonic.com", Confidence.MEDIUM, "weezo.net"));
    assertEquals(Confidence.LOW, Noise.domain("login.tailscale.com", Confidence.MEDIUM, "tacticalrmm.com"));
    assertEquals(Confidence.MEDIUM, Noise.domain("login.tailscale.com", Confidence.MEDIUM, "tailscale.com"));
    assertEquals("anydesk.com", Noise.site("https://AnyDesk.com/en"));
    assertEquals("anydesk.co.uk", Noise.registrable("relay.anydesk.co.uk"));
  }

  @Test
  void cleaning() {
    assertEquals("*.net.anydesk.com", DomainCleaner.clean("relay-[a-f0-9]{8}.net.anydesk.com:443"));
    assertEquals("*.getscreen.me", DomainCleaner.clean("px-*.getscreen.me"));
    assertEquals("anydesk.com", DomainCleaner.clean("https://AnyDesk.com/download"));
    assertEquals(null, DomainCleaner.clean("user_managed"));
    assertEquals(null, DomainCleaner.clean("136.243.104.235"));
    assertEquals(null, DomainCleaner.clean("atera-agent-heartbeat"));
    assertEquals(List.of("C:\\Program Files\\X\\a.exe", "C:\\Program Files (x86)\\X\\a.exe"),
        PathNormalizer.expand("%ProgramFiles%\\X\\a.exe"));
    assertEquals(List.of("C:\\Users\\*\\AppData\\Roaming\\Xeox\\"), PathNormalizer.expand("%APPDATA%\\Xeox\\"));
    assertEquals(List.of("C:\\Users\\*\\Xeox\\*"), PathNormalizer.expand("%USERPROFILE%\\Xeox\\*"));
    assertEquals(List.of(), PathNormalizer.expand("C:\\Program Files\\*"));
    assertTrue(PathNormalizer.isBareFileName("rdp.exe"));
    // Placeholders become wildcards; what is left of a path must still name something.
    assertEquals(List.of("C:\\Users\\*\\AppData\\Local\\Temp\\TeamViewer\\TV15Install.log"),
        PathNormalizer.expand("C:\\Users\\<username>\\AppData\\Local\\Temp\\TeamViewer\\TV15Install.log"));
    assertEquals(List.of(), PathNormalizer.expand("C:\\Windows\\<random-6-9-char>.exe"));
    assertEquals("HKEY_USERS\\*\\Software\\GetScreen", PathNormalizer.wildcardPlaceholders("HKEY_USERS\\{SID}\\Software\\GetScreen"));
    assertEquals("wec_launcher_*_.exe", PathNormalizer.wildcardPlaceholders("wec_launcher_[a-Z0-9]*_.exe"));
    assertEquals("*\\ZOC*\\*", PathNormalizer.wildcardPlaceholders("*\\ZOC?\\*"));
    assertEquals("C:\\T\\*\\{6D99445F-F40F-45CB-B433-06302DAE6C70}\\*",
        PathNormalizer.wildcardPlaceholders("C:\\T\\<version>\\{6D99445F-F40F-45CB-B433-06302DAE6C70}\\*"));
    assertEquals("im-intouch", ToolAssembler.slug("I'm InTouch"));
    assertEquals("kramer-it-solutions", ToolAssembler.slug("Kr\u00e4mer IT Solutions"));
    assertEquals("fleetdeck-io", ToolAssembler.slug("FleetDeck.io"));
  }

  @Test
  void curatedFactsFillOnlyEmptyShellsAndStayAtMostMedium() {
    for (String id : Curated.toolIds()) {
      RmmTool t = built.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
      assertTrue(t.indicators().stream().allMatch(i -> i.provenance().source() == dev.kqlhunt.rmm.Source.KQLHUNT_CURATED),
          id + " has facts from the sources; curated facts are only for empty shells");
      assertTrue(t.indicators().stream().noneMatch(i -> i.confidence() == Confidence.HIGH), id);
      assertTrue(t.hasUsableIndicator(Confidence.MEDIUM), id);
    }
    RmmTool rodex = built.stream().filter(x -> x.id().equals("rodex-rmm")).findFirst().orElseThrow();
    assertTrue(rodex.indicators().stream().noneMatch(i -> i.toString().contains("<") || i.toString().contains("*Agent")),
        "placeholder noise dropped: " + rodex.indicators());
    assertEquals(Confidence.LOW, Noise.processName("plink.exe"));
  }

  @Test
  void remoteDesktopPlusComesOutWithTheSeedFacts() {
    RmmTool rdp = built.stream().filter(t -> t.id().equals("remote-desktop-plus")).findFirst().orElseThrow();
    Indicator.PeVersionInfo pe = (Indicator.PeVersionInfo) rdp.indicators().get(0);
    assertEquals(List.of("www.donkz.nl"), pe.company());
    assertEquals(List.of("Remote Desktop Plus"), pe.product());
    assertEquals(List.of("rdp.exe"), pe.originalFileName());
    assertEquals("6e98184a-6794-4c94-923b-d0ab052ca92e", rdp.keptRules().get(0).id());
  }

  private static String query(String yaml) {
    return (String) ((Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(yaml)).get("query");
  }
}
