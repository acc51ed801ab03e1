package dev.kqlhunt.pack;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Everyday outbound connections of a fleet of Windows devices (DeviceNetworkEvents rows), drawn from a
 * seeded random source, for tests and benchmarks of the RMM pack's network rules. It contains no RMM
 * domain: detections come from what a caller plants beside it.
 *
 * <p>Shape, after Defender's reports: about a quarter of connections have no {@code RemoteUrl} (a
 * bare IP), most name a host, some a URL with a path. Hosts come from common services, many with
 * generated sub-domains (CDN nodes, blob accounts, tenant names) and unique URL paths, so {@code
 * RemoteUrl} is a high-cardinality column: about 450,000 distinct values per million rows (135,000 per
 * 300,000), more than a real fleet's hosts, a stress case for dictionary-wise work. Ports 443/80, DNS 53, SMB
 * 445 and others; public and private remote addresses; browsers, Office, OneDrive, Teams and
 * services as initiating processes.
 */
public final class NetworkEvents {
  private static final String[] FIXED_HOSTS = {
    "login.microsoftonline.com", "graph.microsoft.com", "outlook.office365.com", "teams.microsoft.com",
    "settings-win.data.microsoft.com", "v10.events.data.microsoft.com", "ctldl.windowsupdate.com",
    "www.google.com", "clients2.google.com", "update.googleapis.com", "www.bing.com", "github.com",
    "api.github.com", "slack.com", "zoom.us", "www.linkedin.com", "ocsp.digicert.com", "crl.pki.goog",
    "windows.msn.com", "go.microsoft.com", "time.windows.com", "wpad.contoso.local", "intranet.contoso.local",
  };
  /** Hosts with a generated left label: {@code %s} is replaced by a random token. */
  private static final String[] PATTERN_HOSTS = {
    "%s.blob.core.windows.net", "%s.cloudfront.net", "r1---sn-%s.googlevideo.com", "%s.sharepoint.com",
    "%s.s3.amazonaws.com", "%s.akamaized.net", "%s.azureedge.net", "%s.contoso-cdn.net", "%s.servicebus.windows.net",
  };
  private static final String[][] PROCESSES = {
    {"chrome.exe", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "Google LLC"},
    {"msedge.exe", "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", "Microsoft Corporation"},
    {"svchost.exe", "C:\\Windows\\System32\\svchost.exe", "Microsoft Corporation"},
    {"OUTLOOK.EXE", "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "Microsoft Corporation"},
    {"OneDrive.exe", "C:\\Users\\alice\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe", "Microsoft Corporation"},
    {"ms-teams.exe", "C:\\Program Files\\WindowsApps\\MSTeams\\ms-teams.exe", "Microsoft Corporation"},
    {"MsMpEng.exe", "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\MsMpEng.exe", "Microsoft Corporation"},
  };
  private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank", "system"};

  private final SplittableRandom random;
  private final int devices;
  private long reportId = 1_000_000;

  public NetworkEvents(long seed, int devices) {
    if (devices < 1) throw new IllegalArgumentException("devices < 1: " + devices);
    this.random = new SplittableRandom(seed);
    this.devices = devices;
  }

  /** The {@code index}-th of {@code count} connections, timed evenly (with jitter) across [from, to). */
  public Map<String, Object> connection(long index, long count, Instant from, Instant to) {
    long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
    long base = from.toEpochMilli() + (long) ((double) index / count * span);
    long jitter = random.nextLong(Math.max(1, span / Math.max(1, count)));
    Instant time = Instant.ofEpochMilli(Math.min(to.toEpochMilli() - 1, base + jitter));
    int device = 1 + random.nextInt(devices);
    String[] process = PROCESSES[random.nextInt(PROCESSES.length)];
    Map<String, Object> row = new HashMap<>();
    row.put("Timestamp", time);
    row.put("DeviceId", String.format("%040x", device * 0x9E3779B97F4A7C15L & Long.MAX_VALUE));
    row.put("DeviceName", String.format("ws-%04d.contoso.local", device));
    int kind = random.nextInt(100);
    String url = kind < 25 ? "" : host(kind);
    if (kind >= 90 && !url.isEmpty()) url = "https://" + url + "/" + token(6) + "/" + token(10);
    boolean internal = url.endsWith(".local") || (url.isEmpty() && random.nextInt(3) == 0);
    int port = url.isEmpty() ? new int[] {445, 53, 3389, 135, 443, 8080}[random.nextInt(6)] : kind % 7 == 0 ? 80 : 443;
    row.put("RemoteUrl", url);
    row.put("RemoteIP", internal ? "10." + random.nextInt(4) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254))
        : (13 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
    row.put("RemotePort", port);
    row.put("RemoteIPType", internal ? "Private" : "Public");
    row.put("LocalIP", "10.20." + (device >> 8) + "." + (device & 0xff));
    row.put("LocalPort", 49152 + random.nextInt(16384));
    row.put("LocalIPType", "Private");
    row.put("Protocol", port == 53 ? "Udp" : "Tcp");
    row.put("ActionType", random.nextInt(20) == 0 ? "ConnectionFailed" : "ConnectionSuccess");
    row.put("InitiatingProcessFileName", process[0]);
    row.put("InitiatingProcessFolderPath", process[1]);
    row.put("InitiatingProcessVersionInfoCompanyName", process[2]);
    row.put("InitiatingProcessAccountName", USERS[random.nextInt(USERS.length)]);
    row.put("InitiatingProcessAccountDomain", "contoso");
    row.put("InitiatingProcessId", (long) (1000 + random.nextInt(30000)));
    row.put("ReportId", reportId++);
    return row;
  }

  private String host(int kind) {
    if (kind < 55) return FIXED_HOSTS[random.nextInt(FIXED_HOSTS.length)];
    // Tokens drawn from a bounded space so that values repeat, as real hosts do.
    String label = kind < 80 ? token(4) : token(8);
    return String.format(PATTERN_HOSTS[random.nextInt(PATTERN_HOSTS.length)], label);
  }

  private String token(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) out[i] = "abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36));
    return new String(out);
  }
}
