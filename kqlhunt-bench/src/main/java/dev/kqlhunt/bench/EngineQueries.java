package dev.kqlhunt.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine benchmark's queries: the seed rule and five DeviceProcessEvents hunting queries of the
 * Sentinel corpus, taken verbatim from {@code QUERIES.jsonl} by id, each with a hand-written DuckDB SQL
 * translation of the same meaning (docs/SEMANTICS.md): Kusto strings are never null (the DuckDB table
 * stores '' for them), {@code has} is a case-insensitive term-boundary regex ({@link #hasRegex}) behind an
 * ILIKE pre-test ({@link #has}),
 * {@code =~}/{@code in~} compare lower-cased ASCII values, {@code contains} is {@code ILIKE '%x%'},
 * {@code now()} is {@link EngineData#NOW} on both sides.
 */
final class EngineQueries {
  private EngineQueries() {}

  /**
   * One benchmark query.
   *
   * @param name short name for the report
   * @param corpusId the id in QUERIES.jsonl the KQL comes from
   * @param kql the KQL text as in the corpus
   * @param sql the DuckDB translation over table {@code dpe}
   * @param ordered whether row order is part of the result (top/order by without ties)
   */
  record Query(String name, String corpusId, String kql, String sql, boolean ordered) {}

  private static final String DIR = "Hunting Queries/Microsoft 365 Defender/";

  static List<Query> load(Path queriesFile) throws IOException {
    List<Corpus.Query> corpus = Corpus.readQueries(queriesFile);
    String now = "TIMESTAMP '" + Instant.from(EngineData.NOW).toString().replace("T", " ").replace("Z", "") + "'";
    List<Query> out = new ArrayList<>();
    out.add(new Query("seed (RemoteDesktopPlus)", DIR + "RemoteManagementMonitoring/rmm_RemoteDesktopPlus_createproc.yaml", null,
        "SELECT DeviceId, DeviceName, min(Timestamp) AS FirstSeen, max(Timestamp) AS LastSeen,"
            + " list(DISTINCT ReportId) AS Report, count(*) AS Count FROM dpe"
            + " WHERE Timestamp BETWEEN " + now + " - INTERVAL 5 DAY AND " + now
            + " AND " + has("ProcessVersionInfoCompanyName", "www.donkz.nl")
            + " AND " + has("ProcessVersionInfoProductName", "Remote Desktop Plus")
            + " AND " + has("ProcessVersionInfoOriginalFileName", "rdp.exe")
            + " GROUP BY DeviceId, DeviceName", false));
    out.add(new Query("PowerShell downloads", DIR + "Execution/PowerShell downloads.yaml", null,
        "SELECT Timestamp, DeviceName, InitiatingProcessFileName, FileName, ProcessCommandLine FROM dpe"
            + " WHERE Timestamp > " + now + " - INTERVAL 7 DAY"
            + " AND lower(FileName) IN ('powershell.exe', 'powershell_ise.exe')"
            + " AND " + hasAny("ProcessCommandLine", "Net.WebClient", "DownloadFile",
                "Invoke-WebRequest", "Invoke-Shellcode", "http", "IEX", "Start-BitsTransfer", "mpcmdrun.exe")
            + " ORDER BY Timestamp DESC NULLS LAST LIMIT 100", true));
    out.add(new Query("LaZagne credential theft", DIR + "Ransomware/LaZagne Credential Theft.yaml", null,
        "SELECT DeviceId, Timestamp, InitiatingProcessId, InitiatingProcessFileName, ProcessId, FileName,"
            + " ProcessCommandLine FROM dpe WHERE lower(FileName) = 'reg.exe'"
            + " AND " + has("ProcessCommandLine", "save")
            + " AND " + has("ProcessCommandLine", "hklm")
            + " AND " + has("ProcessCommandLine", "sam"), false));
    out.add(new Query("Webserver executing suspicious applications",
        DIR + "Execution/Webserver Executing Suspicious Applications.yaml", null,
        "SELECT ProcessCommandLine, FolderPath, DeviceName, DeviceId, count(*) AS instances FROM dpe"
            + " WHERE Timestamp > " + now + " - INTERVAL 7 DAY"
            + " AND lower(InitiatingProcessFileName) IN ('w3wp.exe', 'httpd.exe')"
            + " AND lower(FileName) IN ('cmd.exe', 'powershell.exe', 'cscript.exe', 'wscript.exe', 'net.exe',"
            + " 'net1.exe', 'ping.exe', 'whoami.exe')"
            + " GROUP BY ProcessCommandLine, FolderPath, DeviceName, DeviceId ORDER BY instances ASC", false));
    out.add(new Query("Malware in recycle bin", DIR + "Execution/Malware_In_recyclebin.yaml", null,
        "SELECT Timestamp, DeviceName, ProcessCommandLine, InitiatingProcessFileName FROM dpe"
            + " WHERE Timestamp > " + now + " - INTERVAL 7 DAY"
            + " AND lower(FileName) IN ('cmd.exe', 'ftp.exe', 'schtasks.exe', 'powershell.exe', 'rundll32.exe',"
            + " 'regsvr32.exe', 'msiexec.exe')"
            + " AND ProcessCommandLine ILIKE '%:\\recycler%'", false));
    out.add(new Query("RobbinHood evasion (all columns)", DIR + "Campaigns/robbinhood-evasion.yaml", null,
        "SELECT * FROM dpe WHERE Timestamp > " + now + " - INTERVAL 7 DAY"
            + " AND lower(InitiatingProcessFileName) = 'winlogon.exe'"
            + " AND FileName = 'cmd.exe' AND "
            + hasAny("ProcessCommandLine", "taskkill", "net", "robbin", "vssadmin", "bcdedit", "wevtutil"), false));
    List<Query> resolved = new ArrayList<>();
    for (Query q : out) resolved.add(new Query(q.name(), q.corpusId(), kqlOf(corpus, q.corpusId()), q.sql(), q.ordered()));
    return resolved;
  }

  private static String kqlOf(List<Corpus.Query> corpus, String id) {
    for (Corpus.Query q : corpus) if (q.id().equals(id)) return q.text();
    throw new IllegalStateException("query not in the corpus: " + id);
  }

  /** Not a term character: neither a letter nor a decimal digit (Character.isLetterOrDigit). */
  private static final String NON_TERM = "[^\\pL\\p{Nd}]";

  /**
   * An RE2 pattern true where {@code needle} occurs with Kusto {@code has} semantics (SEMANTICS.md):
   * case-insensitive, and where an edge of the needle is a term character, the text beside the match
   * must not be one.
   */
  static String hasRegex(String needle) {
    return "(?i)" + hasBody(needle);
  }

  /**
   * SQL true where {@code column has needle}: an {@code ILIKE '%needle%'} test first (a necessary
   * condition for ASCII text, cheap in DuckDB, and DuckDB evaluates the regex only on the rows it
   * lets through), then the exact term-boundary regex.
   */
  static String has(String column, String needle) {
    if (needle.indexOf('%') >= 0 || needle.indexOf('_') >= 0) {
      throw new IllegalArgumentException("LIKE metacharacter in needle " + needle);
    }
    return "(" + column + " ILIKE " + sqlString("%" + needle + "%") + " AND regexp_matches(" + column + ", "
        + sqlString(hasRegex(needle)) + "))";
  }

  /** SQL true where {@code column has_any (needles)}: the disjunction of {@link #has}. */
  static String hasAny(String column, String... needles) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < needles.length; i++) {
      if (i > 0) b.append(" OR ");
      b.append(has(column, needles[i]));
    }
    return b.append(')').toString();
  }

  private static String hasBody(String needle) {
    if (needle.isEmpty()) return "";
    StringBuilder b = new StringBuilder();
    if (Character.isLetterOrDigit(needle.codePointAt(0))) b.append("(?:^|").append(NON_TERM).append(')');
    for (int i = 0; i < needle.length(); ) {
      int cp = needle.codePointAt(i);
      if (Character.isLetterOrDigit(cp) || cp == ' ') b.appendCodePoint(cp);
      else b.append("\\x{").append(Integer.toHexString(cp)).append('}');
      i += Character.charCount(cp);
    }
    if (Character.isLetterOrDigit(needle.codePointBefore(needle.length()))) {
      b.append("(?:$|").append(NON_TERM).append(')');
    }
    return b.toString();
  }

  static String sqlString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
