package dev.kqlhunt.rmm;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the KQL query of a generated rule from indicators of one rule kind. Every query has the
 * seed's shape: a five-day window in {@code let} statements, the table, the time filter, one {@code
 * where} holding the indicator predicates joined by {@code or}, and a summary per device. For a single
 * PE version-info entry the text is the seed's byte for byte (including its trailing blanks), which the
 * tests check against the published Remote Desktop Plus rule.
 */
public final class RmmQueries {
  private static final String HEADER =
      "let Time_start = now(-5d);\nlet Time_end = now();\n//\n";
  private static final String TIME_FILTER = "| where Timestamp between (Time_start..Time_end)\n";
  private static final String SUMMARY =
      "| summarize FirstSeen=min(Timestamp), LastSeen=max(Timestamp), \n"
          + "    Report=make_set(ReportId), Count=count() by DeviceId, DeviceName";

  private RmmQueries() {}

  /**
   * The query for {@code indicators}, all of which must feed {@code kind}.
   *
   * @throws IllegalArgumentException when the list is empty or holds another kind
   */
  public static String render(RmmRuleKind kind, List<Indicator> indicators) {
    if (indicators.isEmpty()) {
      throw new IllegalArgumentException("no indicators for " + kind);
    }
    for (Indicator i : indicators) {
      if (i.kind().ruleKind() != kind) {
        throw new IllegalArgumentException(i.kind() + " does not feed " + kind);
      }
    }
    List<String> predicates = predicates(kind, indicators);
    StringBuilder q = new StringBuilder(HEADER);
    // The seed writes a blank after the process table name; kept so the seed's text is reproduced.
    q.append(kind.table()).append(kind.table().equals("DeviceProcessEvents") ? " \n" : "\n");
    q.append(TIME_FILTER);
    if (kind == RmmRuleKind.SERVICE) {
      q.append("| where ActionType == 'ServiceInstalled'\n");
      q.append("| extend ServiceName = tostring(parse_json(AdditionalFields).ServiceName)\n");
    }
    q.append("| where ");
    for (int i = 0; i < predicates.size(); i++) {
      q.append(i == 0 ? "" : "\n    or ").append(predicates.get(i));
    }
    q.append('\n').append(SUMMARY);
    if (kind == RmmRuleKind.NETWORK) {
      q.append(", RemoteUrl");
    }
    return q.append('\n').toString();
  }

  private static List<String> predicates(RmmRuleKind kind, List<Indicator> indicators) {
    return switch (kind) {
      case PROCESS_VERSION_INFO -> versionInfo(indicators);
      case PROCESS_NAME -> nameSet("FileName", indicators);
      case NETWORK -> domains(indicators);
      case FILE -> globs("FolderPath", indicators);
      case REGISTRY -> registry(indicators);
      case SERVICE -> nameSet("ServiceName", indicators);
      case SIGNER -> signers(indicators);
    };
  }

  private static List<String> versionInfo(List<Indicator> indicators) {
    List<String> out = new ArrayList<>();
    boolean several = indicators.size() > 1;
    for (Indicator i : indicators) {
      Indicator.PeVersionInfo pe = (Indicator.PeVersionInfo) i;
      List<String> terms = new ArrayList<>();
      term(terms, "ProcessVersionInfoCompanyName", pe.company());
      term(terms, "ProcessVersionInfoProductName", pe.product());
      term(terms, "ProcessVersionInfoOriginalFileName", pe.originalFileName());
      String joined = String.join(several ? "\n        and " : "\n    and ", terms);
      out.add(several && terms.size() > 1 ? "(" + joined + ")" : joined);
    }
    return out;
  }

  private static void term(List<String> terms, String column, List<String> values) {
    if (values.size() == 1) {
      terms.add(column + " has " + KqlText.literal(values.get(0)));
    } else if (!values.isEmpty()) {
      terms.add(column + " has_any " + KqlText.literalList(values));
    }
  }

  /** Exact names in one {@code in~} list; wildcard names as separate predicates. */
  private static List<String> nameSet(String column, List<Indicator> indicators) {
    List<String> exact = new ArrayList<>();
    List<String> out = new ArrayList<>();
    for (Indicator i : indicators) {
      String name =
          switch (i) {
            case Indicator.ProcessName p -> p.name();
            case Indicator.ServiceName s -> s.name();
            default -> throw new IllegalArgumentException("not a name indicator: " + i);
          };
      if (name.indexOf('*') >= 0) {
        out.add(KqlText.globPredicate(column, name, false));
      } else {
        exact.add(name);
      }
    }
    if (!exact.isEmpty()) {
      out.add(0, column + " in~ " + KqlText.literalList(exact));
    }
    return out;
  }

  /**
   * One {@code has_any} over the base hosts: {@code has} matches a host term with its sub-domains and
   * works whether {@code RemoteUrl} holds a bare host or a URL, as in the jischell rules.
   */
  private static List<String> domains(List<Indicator> indicators) {
    List<String> hosts = new ArrayList<>();
    for (Indicator i : indicators) {
      String host = DomainPattern.baseHost(((Indicator.Domain) i).domain());
      if (!hosts.contains(host)) {
        hosts.add(host);
      }
    }
    return List.of(hosts.size() == 1
        ? "RemoteUrl has " + KqlText.literal(hosts.get(0))
        : "RemoteUrl has_any " + KqlText.literalList(hosts));
  }

  private static List<String> signers(List<Indicator> indicators) {
    List<String> names = new ArrayList<>();
    for (Indicator i : indicators) {
      names.add(((Indicator.Signer) i).name());
    }
    return List.of(names.size() == 1
        ? "Signer has " + KqlText.literal(names.get(0))
        : "Signer has_any " + KqlText.literalList(names));
  }

  private static List<String> globs(String column, List<Indicator> indicators) {
    List<String> out = new ArrayList<>();
    for (Indicator i : indicators) {
      String path = ((Indicator.Path) i).path();
      // A path also matches everything that begins with it: the files below a folder, and the
      // temporary copies tools write beside a file (AnyDesk writes user.conf.new, then renames).
      out.add(KqlText.globPredicate(column, path.endsWith("*") ? path : path + "*", false));
    }
    return out;
  }

  /**
   * Defender reports a user hive with the user's SID after the hive name, so {@code HKEY_CURRENT_USER}
   * keys are matched by the text below the hive; machine keys are matched from the hive down.
   */
  private static List<String> registry(List<Indicator> indicators) {
    List<String> out = new ArrayList<>();
    for (Indicator i : indicators) {
      String key = ((Indicator.RegistryKey) i).key();
      if (key.startsWith("HKEY_CURRENT_USER\\") || key.startsWith("HKEY_USERS\\")) {
        String below = key.substring(key.indexOf('\\'));
        out.add(KqlText.globPredicate("RegistryKey", "*" + below + (below.endsWith("*") ? "" : "*"), false));
      } else {
        out.add(KqlText.globPredicate("RegistryKey", key, true));
      }
    }
    return out;
  }
}
