package dev.kqlhunt.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The everyday process launches of a fleet of Windows devices, drawn from a seeded random source: who
 * starts what, with which command line, spread evenly over a time range. It contains no RMM tool, so
 * every detection over it comes from what a test or a sample plants beside it.
 *
 * <p>Command lines carry GUIDs, paths and numbers, so their distinct count grows with the row count as
 * in real telemetry, while image names, companies and products stay a small dictionary.
 */
public final class BackgroundTelemetry {
  private static final String[] USERS = {
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar"
  };
  private final SplittableRandom random;
  private final ProcessEventFactory factory;
  private final List<ProcessEventFactory.Device> devices = new ArrayList<>();

  public BackgroundTelemetry(long seed, int deviceCount) {
    if (deviceCount < 1) throw new IllegalArgumentException("deviceCount < 1: " + deviceCount);
    this.random = new SplittableRandom(seed);
    this.factory = new ProcessEventFactory(seed * 31 + 7);
    for (int i = 1; i <= deviceCount; i++) devices.add(ProcessEventFactory.Device.numbered(i));
  }

  public List<ProcessEventFactory.Device> devices() {
    return List.copyOf(devices);
  }

  public ProcessEventFactory factory() {
    return factory;
  }

  /** The {@code index}-th of {@code count} launches, timed evenly (with jitter) across [from, to). */
  public Map<String, Object> launch(long index, long count, Instant from, Instant to) {
    long spanMillis = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
    long base = from.toEpochMilli() + (long) ((double) index / count * spanMillis);
    long jitter = random.nextLong(Math.max(1, spanMillis / Math.max(1, count)));
    Instant time = Instant.ofEpochMilli(Math.min(to.toEpochMilli() - 1, base + jitter));
    ProcessImage image = ProcessImage.COMMON.get(random.nextInt(ProcessImage.COMMON.size()));
    ProcessImage parent = ProcessImage.COMMON.get(random.nextInt(ProcessImage.COMMON.size()));
    ProcessEventFactory.Device device = devices.get(random.nextInt(devices.size()));
    boolean system = random.nextInt(4) == 0;
    String user = system ? "system" : USERS[random.nextInt(USERS.length)];
    return factory.row(new ProcessEventFactory.Launch(device, time, image, parent,
        commandLine(image), commandLine(parent), system ? "nt authority" : "contoso", user));
  }

  private String commandLine(ProcessImage image) {
    String exe = image.fileName();
    return switch (exe.toLowerCase(Locale.ROOT)) {
      case "svchost.exe" -> "svchost.exe -k netsvcs -p -s " + pick("Schedule", "BITS", "wuauserv", "Winmgmt", "gpsvc");
      case "cmd.exe" -> "cmd.exe /c \"" + pick("dir", "echo", "type", "copy") + " C:\\Users\\Public\\" + token() + ".txt\"";
      case "powershell.exe" -> "powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\Scripts\\" + pick("inventory", "cleanup", "report") + "-" + random.nextInt(500) + ".ps1";
      case "rundll32.exe" -> "rundll32.exe C:\\Windows\\System32\\" + pick("shell32.dll,Control_RunDLL", "printui.dll,PrintUIEntry", "davclnt.dll,DavSetCookie") + " " + token();
      case "schtasks.exe" -> "schtasks.exe /Run /TN \"\\Contoso\\" + pick("Nightly Backup", "Patch Scan", "Inventory") + "\"";
      case "msiexec.exe" -> "msiexec.exe /i \"C:\\Windows\\Temp\\" + token() + ".msi\" /qn";
      case "chrome.exe", "msedge.exe" -> exe + " --type=renderer --field-trial-handle=" + random.nextInt(100000) + " /prefetch:" + random.nextInt(9);
      case "net.exe" -> "net.exe " + pick("use", "user", "localgroup administrators", "view");
      case "reg.exe" -> "reg.exe query HKLM\\Software\\Contoso\\" + token();
      case "git.exe" -> "git.exe " + pick("fetch", "status", "pull --rebase") + " " + token();
      default -> "\"" + image.path() + "\" " + (random.nextBoolean() ? token() : "");
    };
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  private String token() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }
}
