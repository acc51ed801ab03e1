package dev.kqlhunt.sample;

import dev.kqlhunt.sample.ProcessEventFactory.Device;
import dev.kqlhunt.sample.ProcessEventFactory.Launch;
import dev.kqlhunt.sample.SampleDataset.Kind;
import dev.kqlhunt.sample.SampleDataset.Planted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows {@link SampleDataset} plants: Remote Desktop Plus launches, near misses and the seed's five
 * false-positive scenarios. The scenario rows carry exactly the facts each scenario describes (the
 * launcher, its command line, account and folder), which is what the shipped exclusions key on.
 */
final class SamplePlanting {
  private static final ProcessImage RDP = ProcessImage.REMOTE_DESKTOP_PLUS;
  private static final ProcessImage EXPLORER = common("explorer.exe");
  private final ProcessEventFactory factory;
  private final List<Device> devices;
  private final Instant now;
  private final List<Planted> out = new ArrayList<>();

  SamplePlanting(ProcessEventFactory factory, List<Device> devices, Instant now) {
    this.factory = factory;
    this.devices = devices;
    this.now = now;
  }

  List<Planted> plant() {
    truePositives();
    nearMisses();
    falsePositives();
    return out;
  }

  private void truePositives() {
    user(Kind.TRUE_POSITIVE, "repeated use", 7, ago(4, 3), RDP, "rdp.exe /v:fs01.contoso.local");
    user(Kind.TRUE_POSITIVE, "repeated use", 7, ago(2, 9), RDP, "rdp.exe /v:fs01.contoso.local");
    user(Kind.TRUE_POSITIVE, "repeated use", 7, ago(0, 5), RDP, "rdp.exe /v:dc01.contoso.local");
    // Exactly on the lookback edge: `between (now(-5d) .. now())` includes it.
    user(Kind.TRUE_POSITIVE, "on the five-day edge", 23, now.minus(Duration.ofDays(5)), RDP, "rdp.exe");
    user(Kind.TRUE_POSITIVE, "upper-case original name", 41, ago(1, 2),
        RDP.withVersionInfo("www.donkz.nl", "Remote Desktop Plus", "RDP.EXE"), "RDP.EXE /v:10.0.0.5");
    user(Kind.TRUE_POSITIVE, "resource-file name", 41, ago(1, 1),
        RDP.withVersionInfo("Donkz (www.donkz.nl)", "Remote Desktop Plus", "rdp.exe.mui"), "rdp.exe");
    user(Kind.OUT_OF_WINDOW, "six days ago", 12, now.minus(Duration.ofDays(5)).minusSeconds(1), RDP, "rdp.exe");
  }

  private void nearMisses() {
    user(Kind.NEAR_MISS, "company without www", 30, ago(3, 0),
        RDP.withVersionInfo("donkz.nl", "Remote Desktop Plus", "rdp.exe"), "rdp.exe");
    user(Kind.NEAR_MISS, "product in one word", 31, ago(2, 0),
        RDP.withVersionInfo("www.donkz.nl", "RemoteDesktopPlus", "rdp.exe"), "rdp.exe");
    user(Kind.NEAR_MISS, "original name myrdp.exe", 32, ago(1, 0),
        RDP.withVersionInfo("www.donkz.nl", "Remote Desktop Plus", "myrdp.exe"), "myrdp.exe");
    user(Kind.NEAR_MISS, "product Pluss", 33, ago(0, 8),
        RDP.withVersionInfo("www.donkz.nl", "Remote Desktop Pluss", "rdp.exe"), "rdp.exe");
  }

  private void falsePositives() {
    Map<String, Object> r = launch(Kind.FALSE_POSITIVE, "rdp-plus-admin-maintenance", 40, ago(3, 22), RDP,
        "rdp.exe /v:srv02", common("schtasks.exe"), "schtasks.exe /run /tn \"\\Contoso\\Maintenance\\RDPPlus-Patch\"",
        "contoso", "svc-maint");
    r.put("InitiatingProcessFolderPath", "C:\\Windows\\System32\\schtasks.exe");
    r = launch(Kind.FALSE_POSITIVE, "rdp-plus-intune-configmgr-deployment", 42, ago(3, 14), RDP, "rdp.exe /register",
        common("msiexec.exe"), "msiexec.exe /i \"C:\\Windows\\IMECache\\4b1f\\RDPPlus.msi\" /qn", "nt authority", "system");
    r.put("InitiatingProcessParentFileName", "AgentExecutor.exe");
    r.put("InitiatingProcessAccountSid", "S-1-5-18");
    ProcessImage toolkit = new ProcessImage("C:\\Program Files\\Contoso\\SupportToolkit", "SupportToolkit.exe",
        "Contoso Ltd", "Contoso Support Toolkit", "3.2.0.0", "SupportToolkit.exe", "Contoso Support Toolkit");
    r = launch(Kind.FALSE_POSITIVE, "rdp-plus-diagnostic-tools", 43, ago(2, 4), RDP,
        "rdp.exe /v:wks-0043 /start:\"C:\\Tools\\Sysinternals\\Procmon64.exe\"", toolkit, "SupportToolkit.exe", "contoso", "heidi");
    r.put("InitiatingProcessFolderPath", toolkit.path());
    launch(Kind.FALSE_POSITIVE, "rdp-plus-backup-tools", 44, ago(1, 10), RDP,
        "rdp.exe /v:srv05 /start:\"wbadmin.exe start backup -backupTarget:\\\\nas01\\backup -quiet\"",
        common("powershell.exe"), "powershell.exe -File D:\\Scripts\\Backup\\nightly-backup.ps1", "contoso", "svc-backup");
    r = launch(Kind.FALSE_POSITIVE, "rdp-plus-virtualization-platform", 45, ago(0, 20), RDP,
        "rdp.exe /v:vm07 /start:\"powershell.exe -File D:\\Scripts\\LogCleanup\\Clear-OldLogs.ps1\"",
        common("vmtoolsd.exe"), "\"C:\\Program Files\\VMware\\VMware Tools\\vmtoolsd.exe\"", "nt authority", "system");
    r.put("InitiatingProcessFolderPath", "C:\\Program Files\\VMware\\VMware Tools\\vmtoolsd.exe");
  }

  /** {@code days} days and {@code hours} hours before the reference time. */
  private Instant ago(int days, int hours) {
    return now.minus(Duration.ofDays(days)).minus(Duration.ofHours(hours));
  }

  private void user(Kind kind, String label, int device, Instant time, ProcessImage image, String commandLine) {
    launch(kind, label, device, time, image, commandLine, EXPLORER, "C:\\Windows\\Explorer.EXE", "contoso", "erin");
  }

  private Map<String, Object> launch(Kind kind, String label, int device, Instant time, ProcessImage image,
      String commandLine, ProcessImage parent, String parentCommandLine, String domain, String account) {
    Device d = devices.get(device - 1);
    Map<String, Object> row = factory.row(new Launch(d, time, image, parent, commandLine, parentCommandLine, domain, account));
    out.add(new Planted(kind, label, row));
    return row;
  }

  private static ProcessImage common(String fileName) {
    for (ProcessImage p : ProcessImage.COMMON) if (p.fileName().equals(fileName)) return p;
    throw new IllegalArgumentException("not a common image: " + fileName);
  }
}
