package dev.kqlhunt.rmm;

import java.util.List;

/**
 * Writes an {@link RmmTool} in the catalog format {@link RmmCatalogReader} reads (described in {@link
 * RmmCatalog}); {@code read(write(t))} equals {@code t}. Output is deterministic: the same tool gives the
 * same bytes, so regenerated catalog files diff cleanly.
 */
public final class RmmCatalogWriter {
  private RmmCatalogWriter() {}

  /** The catalog file text for {@code tool}, starting with {@code header} lines as YAML comments. */
  public static String write(RmmTool tool, List<String> header) {
    StringBuilder out = new StringBuilder();
    for (String h : header) {
      out.append("# ").append(h).append('\n');
    }
    out.append("id: ").append(tool.id()).append('\n');
    out.append("name: ").append(YamlText.quote(tool.name())).append('\n');
    out.append("aliases: ").append(YamlText.quotedList(tool.aliases())).append('\n');
    if (tool.vendor() != null) {
      out.append("vendor: ").append(YamlText.quote(tool.vendor())).append('\n');
    }
    if (tool.website() != null) {
      out.append("website: ").append(YamlText.quote(tool.website())).append('\n');
    }
    out.append("category: ").append(tool.category()).append('\n');
    out.append("attack: ").append(YamlText.plainList(tool.attack())).append('\n');
    out.append("platforms: ").append(YamlText.plainList(tool.platforms())).append('\n');
    out.append("indicators:").append(tool.indicators().isEmpty() ? " []\n" : "\n");
    for (Indicator i : tool.indicators()) {
      indicator(out, i);
    }
    out.append("rules:").append(tool.keptRules().isEmpty() ? " []\n" : "\n");
    for (KeptRule r : tool.keptRules()) {
      out.append("- id: ").append(r.id()).append('\n');
      out.append("  kind: ").append(r.kind().slug()).append('\n');
      out.append("  name: ").append(YamlText.quote(r.name())).append('\n');
      out.append("  provenance: ").append(provenance(r.provenance())).append('\n');
      YamlText.literalBlock(out, "  ", "query", r.query(), 4);
    }
    return out.toString();
  }

  private static void indicator(StringBuilder out, Indicator indicator) {
    out.append("- kind: ").append(indicator.kind().yamlName()).append('\n');
    switch (indicator) {
      case Indicator.PeVersionInfo pe -> {
        optionalList(out, "company", pe.company());
        optionalList(out, "product", pe.product());
        optionalList(out, "originalFileName", pe.originalFileName());
      }
      case Indicator.ProcessName p -> field(out, "name", p.name());
      case Indicator.Path p -> field(out, "path", p.path());
      case Indicator.Signer s -> field(out, "name", s.name());
      case Indicator.Domain d -> {
        field(out, "domain", d.domain());
        if (!d.ports().isEmpty()) {
          out.append("  ports: ").append(YamlText.plainList(d.ports())).append('\n');
        }
      }
      case Indicator.RegistryKey r -> field(out, "key", r.key());
      case Indicator.ServiceName s -> field(out, "name", s.name());
    }
    out.append("  confidence: ").append(indicator.confidence().yamlName()).append('\n');
    out.append("  provenance: ").append(provenance(indicator.provenance())).append('\n');
  }

  private static void field(StringBuilder out, String key, String value) {
    out.append("  ").append(key).append(": ").append(YamlText.quote(value)).append('\n');
  }

  private static void optionalList(StringBuilder out, String key, List<String> values) {
    if (!values.isEmpty()) {
      out.append("  ").append(key).append(": ").append(YamlText.quotedList(values)).append('\n');
    }
  }

  private static String provenance(Provenance p) {
    return "{source: " + p.source().yamlName() + ", file: " + YamlText.quote(p.file()) + "}";
  }
}
