package dev.kqlhunt.rules.exclusions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.rules.FileDiagnostic;
import dev.kqlhunt.rules.QueryValidator;
import dev.kqlhunt.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExclusionCheckerTest {
  @Test
  void predicateDiagnosticsPointIntoTheExclusionsFile() {
    ExclusionSet set = new ExclusionLoader().load(SourceText.of("ex.yaml", """
        exclusions:
          - id: a
            rules: x
            reason: r
            owner: o
            expires: 2027-01-01
            where: |
              FileName =~ "vssadmin.exe"
              and ProcesCommandLine has "list"
          - id: b
            rules: x
            table: DeviceNetworkEvents
            reason: r
            owner: o
            expires: 2027-01-01
            where: RemoteUrl has "contoso"
        """)).value();
    List<String> analysed = new ArrayList<>();
    QueryValidator fake = query -> {
      analysed.add(query.text());
      int at = query.text().indexOf("ProcesCommandLine");
      List<dev.kqlhunt.diag.Diagnostic> ds = at < 0 ? List.of() : List.of(dev.kqlhunt.diag.Diagnostic.error(
          dev.kqlhunt.rules.RuleErrors.MISSING_FIELD, new dev.kqlhunt.text.TextSpan(at, 17), "x"));
      return new QueryValidator.QueryAnalysis(ds, List.of(), java.util.Set.of(), false);
    };
    List<FileDiagnostic> ds = new ExclusionChecker(fake).check(set, "DeviceProcessEvents");
    assertEquals(List.of("DeviceProcessEvents\n| where FileName =~ \"vssadmin.exe\"\nand ProcesCommandLine has \"list\"\n",
        "DeviceNetworkEvents\n| where RemoteUrl has \"contoso\""), analysed);
    assertEquals(1, ds.size());
    String rendered = ds.get(0).render();
    assertTrue(rendered.startsWith("ex.yaml:9:11: error KQL3004:"), rendered);
  }
}
