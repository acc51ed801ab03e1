package dev.kqlhunt.report;

/**
 * Renders a {@link HuntResult} in one output format. Implementations are stateless and thread-safe;
 * every value taken from the data is escaped for the format (the data is attacker-controlled).
 */
public sealed interface ReportWriter permits TableReport, JsonReport, CsvReport, SarifReport, HtmlReport {
  /** The whole document as text. */
  String render(HuntResult result);
}
