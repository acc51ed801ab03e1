package dev.kqlhunt.sample;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds whole DeviceProcessEvents rows (every column of the Defender schema plus the Sentinel ones)
 * from a few facts: the device, the time, the started image, its parent, the command line and the
 * account. What the facts do not fix (hashes, process ids, logon ids, report ids) is drawn from a
 * seeded random source, so the same seed gives the same rows.
 *
 * <p>Values are Java objects in schema column order: {@link String}, {@link Long}, {@link Boolean},
 * {@link Instant} for datetimes and {@code null} for values Defender leaves empty. Not thread-safe.
 */
public final class ProcessEventFactory {
  private static final String TENANT = "8f1c4d2e-9b7a-4c3d-a1e5-2f6b8c9d0e7a";
  private final SplittableRandom random;
  private long nextReportId = 1000;

  public ProcessEventFactory(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A device of the synthetic fleet: lower-case FQDN and a 40-hex id, as Defender shows them. */
  public record Device(String name, String id) {
    public static Device numbered(int n) {
      String name = String.format(Locale.ROOT, "wks-%04d.contoso.local", n);
      return new Device(name, sha1Hex(name));
    }
  }

  /** The facts of one process launch. */
  public record Launch(
      Device device,
      Instant time,
      ProcessImage image,
      ProcessImage parent,
      String commandLine,
      String parentCommandLine,
      String accountDomain,
      String accountName) {}

  public Map<String, Object> row(Launch l) {
    Map<String, Object> r = new LinkedHashMap<>(96);
    long pid = 1000 + random.nextInt(60000);
    long parentPid = 500 + random.nextInt(60000);
    long logonId = 0x3e7 + random.nextInt(1 << 20);
    Instant parentStart = l.time().minusSeconds(5 + random.nextInt(86_400));
    r.put("Timestamp", l.time());
    r.put("DeviceId", l.device().id());
    r.put("DeviceName", l.device().name());
    r.put("ActionType", "ProcessCreated");
    r.put("FileName", l.image().fileName());
    r.put("FolderPath", l.image().path());
    r.put("SHA1", hashOf(l.image(), 20));
    r.put("SHA256", hashOf(l.image(), 32));
    r.put("MD5", hashOf(l.image(), 16));
    r.put("FileSize", (long) (50_000 + (l.image().path().hashCode() & 0xfffff)));
    putVersionInfo(r, "ProcessVersionInfo", l.image());
    r.put("ProcessId", pid);
    r.put("ProcessCommandLine", l.commandLine());
    r.put("ProcessIntegrityLevel", "system".equals(l.accountName()) ? "System" : "Medium");
    r.put("ProcessTokenElevation", "TokenElevationTypeDefault");
    r.put("ProcessCreationTime", l.time());
    putAccount(r, "Account", l);
    r.put("LogonId", logonId);
    putAccount(r, "InitiatingProcessAccount", l);
    r.put("InitiatingProcessLogonId", logonId);
    r.put("InitiatingProcessIntegrityLevel", "Medium");
    r.put("InitiatingProcessTokenElevation", "TokenElevationTypeDefault");
    r.put("InitiatingProcessSHA1", hashOf(l.parent(), 20));
    r.put("InitiatingProcessSHA256", hashOf(l.parent(), 32));
    r.put("InitiatingProcessMD5", hashOf(l.parent(), 16));
    r.put("InitiatingProcessFileName", l.parent().fileName());
    r.put("InitiatingProcessFileSize", (long) (40_000 + (l.parent().path().hashCode() & 0xfffff)));
    putVersionInfo(r, "InitiatingProcessVersionInfo", l.parent());
    r.put("InitiatingProcessId", parentPid);
    r.put("InitiatingProcessCommandLine", l.parentCommandLine());
    r.put("InitiatingProcessCreationTime", parentStart);
    r.put("InitiatingProcessFolderPath", l.parent().path().toLowerCase(Locale.ROOT));
    r.put("InitiatingProcessParentId", 4L + random.nextInt(2000));
    r.put("InitiatingProcessParentFileName", "services.exe");
    r.put("InitiatingProcessParentCreationTime", parentStart.minusSeconds(3600));
    r.put("InitiatingProcessSignerType", "OsVendor");
    r.put("InitiatingProcessSignatureStatus", "Valid");
    r.put("ReportId", nextReportId++);
    r.put("AppGuardContainerId", "");
    r.put("AdditionalFields", null);
    r.put("InitiatingProcessSessionId", 1L);
    r.put("IsInitiatingProcessRemoteSession", false);
    r.put("InitiatingProcessRemoteSessionDeviceName", null);
    r.put("InitiatingProcessRemoteSessionIP", null);
    r.put("CreatedProcessSessionId", 1L);
    r.put("IsProcessRemoteSession", false);
    r.put("ProcessRemoteSessionDeviceName", null);
    r.put("ProcessRemoteSessionIP", null);
    r.put("ProcessUniqueId", Long.toString(random.nextLong() & Long.MAX_VALUE));
    r.put("InitiatingProcessUniqueId", Long.toString(random.nextLong() & Long.MAX_VALUE));
    r.put("TenantId", TENANT);
    r.put("TimeGenerated", l.time());
    r.put("SourceSystem", "");
    r.put("Type", "DeviceProcessEvents");
    r.put("MachineGroup", null);
    return r;
  }

  private static void putVersionInfo(Map<String, Object> r, String prefix, ProcessImage image) {
    r.put(prefix + "CompanyName", image.company());
    r.put(prefix + "ProductName", image.product());
    r.put(prefix + "ProductVersion", image.productVersion());
    r.put(prefix + "InternalFileName", image.originalFileName());
    r.put(prefix + "OriginalFileName", image.originalFileName());
    r.put(prefix + "FileDescription", image.description());
  }

  private static void putAccount(Map<String, Object> r, String prefix, Launch l) {
    r.put(prefix + "Domain", l.accountDomain());
    r.put(prefix + "Name", l.accountName());
    r.put(prefix + "Sid", "S-1-5-21-1004336348-1177238915-682003330-" + (1000 + (l.accountName().hashCode() & 0xfff)));
    r.put(prefix + "Upn", l.accountName() + "@contoso.com");
    r.put(prefix + "ObjectId", null);
  }

  /** A stable pseudo-hash of the image: the same binary has the same hash on every device. */
  private static String hashOf(ProcessImage image, int bytes) {
    byte[] digest = sha1(image.path() + "|" + image.productVersion() + "|" + bytes);
    byte[] out = new byte[bytes];
    for (int i = 0; i < bytes; i++) out[i] = digest[i % digest.length];
    if (bytes > digest.length) {
      for (int i = digest.length; i < bytes; i++) out[i] ^= (byte) (i * 31);
    }
    return HexFormat.of().formatHex(out);
  }

  static String sha1Hex(String s) {
    return HexFormat.of().formatHex(sha1(s));
  }

  private static byte[] sha1(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-1")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JRE", e);
    }
  }
}
