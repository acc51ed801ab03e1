package dev.kqlhunt.report;

import java.util.Locale;

/** The output formats of {@code kqlhunt hunt}, by their command-line name. */
public enum ReportFormat {
  TABLE(new TableReport()),
  JSON(new JsonReport()),
  CSV(new CsvReport()),
  SARIF(new SarifReport()),
  HTML(new HtmlReport());

  private final ReportWriter writer;

  ReportFormat(ReportWriter writer) {
    this.writer = writer;
  }

  public ReportWriter writer() {
    return writer;
  }

  /** The command-line name ({@code table}, {@code json}, ...). */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code name} (case-insensitive), or null. */
  public static ReportFormat byName(String name) {
    for (ReportFormat f : values()) if (f.cliName().equalsIgnoreCase(name)) return f;
    return null;
  }
}
