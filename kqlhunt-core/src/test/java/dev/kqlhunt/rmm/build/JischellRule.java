package dev.kqlhunt.rmm.build;

import dev.kqlhunt.rmm.Provenance;
import dev.kqlhunt.rmm.RmmRuleKind;
import dev.kqlhunt.rmm.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One jischell hunting rule (createproc, filesig or netconn) with the facts its query tests. The
 * Azure-Sentinel copy is read when it exists (strict YAML, the text users run); otherwise the jischell
 * file is read after re-indenting its misplaced {@code dataTypes:} line, the one defect PROVENANCE.md
 * records for all 167 files.
 *
 * @param tool jischell folder name
 * @param facts column name to the string literals compared with it, in query order
 */
record JischellRule(
    String tool, RmmRuleKind kind, String id, String name, String query, Provenance provenance,
    Map<String, List<String>> facts) {

  static final String SENTINEL_DIR =
      "corpus/sentinel/Hunting Queries/Microsoft 365 Defender/RemoteManagementMonitoring/";

  /**
   * jischell files the official Kusto parser rejects even after the AccountUpn correction (a column
   * that does not exist, a missing {@code where}, a trailing comma in {@code has_any}); their facts are
   * used, their rules are not kept. Reasons in docs/RMM.md.
   */
  static final java.util.Set<String> BROKEN =
      java.util.Set.of(
          "rmm_DWService_createproc.yaml", "rmm_DWService_netconn.yaml",
          "rmm_MSP360_CloudBerry_netconn.yaml", "rmm_ZohoAssist_netconn.yaml");

  private static final Pattern COMPARISON =
      Pattern.compile("(\\w+)\\s+(?:has_any|has|=~|==|contains|startswith)\\s*(\\([^)]*\\)|'[^']*'|\"[^\"]*\")");
  private static final Pattern LITERAL = Pattern.compile("@?'([^']*)'|@?\"([^\"]*)\"");

  /** Reads every rule of a jischell tool folder; {@code shared} is the root of ../shared. */
  static List<JischellRule> readFolder(Path shared, Path folder) throws IOException {
    List<JischellRule> out = new ArrayList<>();
    List<Path> files;
    try (var s = Files.list(folder)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path f : files) {
      RmmRuleKind kind = kindOf(f.getFileName().toString());
      if (kind != null) {
        out.add(read(shared, folder.getFileName().toString(), f, kind));
      }
    }
    if (out.isEmpty()) {
      out.addAll(readMarkdown(shared, folder));
    }
    return out;
  }

  /**
   * Facts of a tool that jischell publishes only as markdown (RMM_AHQ_*.md, one code block per
   * "### Create Process" / "### File Signature" / "### Network Connection" section). Such rules have no
   * id and are not kept; only their facts are used.
   */
  private static List<JischellRule> readMarkdown(Path shared, Path folder) throws IOException {
    String tool = folder.getFileName().toString();
    Path md = folder.resolve("RMM_AHQ_" + tool + ".md");
    List<JischellRule> out = new ArrayList<>();
    if (!Files.exists(md)) {
      return out;
    }
    Provenance provenance = new Provenance(Source.JISCHELL, shared.resolve("rmm/jischell").relativize(md).toString());
    for (String section : Files.readString(md, StandardCharsets.UTF_8).split("(?m)^### ")) {
      RmmRuleKind kind = section.startsWith("Create Process") ? RmmRuleKind.PROCESS_VERSION_INFO
          : section.startsWith("File Signature") ? RmmRuleKind.SIGNER
          : section.startsWith("Network Connection") ? RmmRuleKind.NETWORK : null;
      if (kind != null) {
        out.add(new JischellRule(tool, kind, null, null, null, provenance, facts(section)));
      }
    }
    return out;
  }

  /** True when this rule was published as YAML with an id, so the pack keeps it verbatim. */
  boolean isKept() {
    return id != null;
  }

  private static RmmRuleKind kindOf(String fileName) {
    if (fileName.endsWith("_createproc.yaml")) {
      return RmmRuleKind.PROCESS_VERSION_INFO;
    } else if (fileName.endsWith("_filesig.yaml")) {
      return RmmRuleKind.SIGNER;
    } else if (fileName.endsWith("_netconn.yaml")) {
      return RmmRuleKind.NETWORK;
    }
    return null;
  }

  private static JischellRule read(Path shared, String tool, Path file, RmmRuleKind kind) throws IOException {
    Path sentinel = shared.resolve(SENTINEL_DIR).resolve(file.getFileName().toString());
    String text;
    Provenance provenance;
    if (Files.exists(sentinel)) {
      text = Files.readString(sentinel, StandardCharsets.UTF_8);
      provenance = new Provenance(Source.SENTINEL, shared.relativize(sentinel).toString().substring("corpus/sentinel/".length()));
    } else {
      text = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)^    dataTypes:", "      dataTypes:");
      provenance = new Provenance(Source.JISCHELL, shared.resolve("rmm/jischell").relativize(file).toString());
    }
    Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(text);
    String query = String.valueOf(doc.get("query"));
    if (provenance.source() == Source.JISCHELL) {
      query = withoutAccountUpn(query);
    }
    boolean keep = !BROKEN.contains(file.getFileName().toString());
    return new JischellRule(
        tool, kind, keep ? String.valueOf(doc.get("id")) : null,
        keep ? String.valueOf(doc.get("name")).strip() : null, keep ? query : null,
        provenance, facts(query));
  }

  /**
   * The edit Azure-Sentinel made to its copies: the summaries group by {@code AccountUpn}, a column
   * DeviceNetworkEvents and DeviceFileCertificateInfo lack (the official parser rejects it), so it is
   * dropped. Applied to the 112 jischell files that have a corrected copy this reproduces the copy's
   * text exactly for all but three, which differ in white space only (CatalogBuildTest checks this).
   */
  static String withoutAccountUpn(String query) {
    return query.replace("AccountUpn, ", "").replaceAll(", AccountUpn *", "");
  }

  /** Column to literals, for every {@code Column op literal} or {@code Column has_any (...)} test. */
  static Map<String, List<String>> facts(String query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Matcher m = COMPARISON.matcher(query);
    while (m.find()) {
      List<String> values = out.computeIfAbsent(m.group(1), k -> new ArrayList<>());
      Matcher lit = LITERAL.matcher(m.group(2));
      while (lit.find()) {
        String v = (lit.group(1) != null ? lit.group(1) : lit.group(2)).strip();
        if (!v.isEmpty() && !values.contains(v)) {
          values.add(v);
        }
      }
    }
    return out;
  }

  List<String> values(String column) {
    return facts.getOrDefault(column, List.of());
  }
}
