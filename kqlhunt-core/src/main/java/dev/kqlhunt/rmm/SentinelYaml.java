package dev.kqlhunt.rmm;

/**
 * Writes a generated rule as a Microsoft Sentinel hunting query, the layout of the published jischell
 * rules (and the seed): id, name, description, requiredDataConnectors, tactics, relevantTechniques,
 * query, plus tags naming the pack, tool and kind so later stages (allow-list, coverage) can find the
 * rules of a tool without parsing names.
 */
final class SentinelYaml {
  private SentinelYaml() {}

  static String hunting(RmmTool tool, String id, RmmRuleKind kind, String name, String query, boolean kept) {
    StringBuilder y = new StringBuilder();
    y.append("id: ").append(id).append('\n');
    y.append("name: ").append(YamlText.quote(name)).append('\n');
    YamlText.literalBlock(y, "", "description", description(tool, kind, kept), 2);
    y.append("requiredDataConnectors:\n");
    y.append("- connectorId: MicrosoftThreatProtection\n");
    y.append("  dataTypes:\n");
    y.append("  - ").append(kind.table()).append('\n');
    y.append("tactics:\n- CommandAndControl\n");
    y.append("relevantTechniques:\n- T1219\n");
    YamlText.literalBlock(y, "", "query", query, 2);
    y.append("tags:\n- RMM\n");
    y.append("- ").append(YamlText.quote("rmm-tool:" + tool.id())).append('\n');
    y.append("- ").append(YamlText.quote("rmm-kind:" + kind.slug())).append('\n');
    return y.toString();
  }

  private static String description(RmmTool tool, RmmRuleKind kind, boolean kept) {
    String what =
        switch (kind) {
          case PROCESS_VERSION_INFO -> "a process whose PE version information names " + tool.name();
          case PROCESS_NAME -> "a process whose image file name is one " + tool.name() + " uses";
          case NETWORK -> "a connection to a domain " + tool.name() + " uses";
          case FILE -> "a file event in a path " + tool.name() + " installs or writes";
          case REGISTRY -> "a registry event on a key " + tool.name() + " creates";
          case SERVICE -> "the installation of a service " + tool.name() + " registers";
          case SIGNER -> "a file signed with a certificate of " + tool.name();
        };
    String origin = kept
        ? "Published jischell-msft rule kept with its id and query (MIT, see NOTICE)."
        : "Generated from the kqlhunt RMM catalog entry '" + tool.id() + "' (facts from LOLRMM and"
            + " jischell-msft, see NOTICE).";
    return "kqlhunt RMM pack (" + tool.category() + "): finds " + what + ".\n"
        + "Unless the tool is sanctioned, its presence may be adversary persistence or command and control.\n"
        + origin + "\n";
  }
}
