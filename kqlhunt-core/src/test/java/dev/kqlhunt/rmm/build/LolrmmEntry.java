package dev.kqlhunt.rmm.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The facts of one LOLRMM YAML file, as raw strings (cleaning happens in {@link ToolAssembler}). Prose
 * fields (Description, examples, references) are deliberately not read.
 */
record LolrmmEntry(
    String file,
    String name,
    String category,
    String website,
    List<String> supportedOs,
    List<String> capabilities,
    List<Map<String, String>> peMetadata,
    List<String> installationPaths,
    List<String> diskFiles,
    List<String> serviceNames,
    List<String> registryPaths,
    List<String> domains,
    List<Integer> ports,
    List<String> signers) {

  static LolrmmEntry read(Path file) throws IOException {
    Object doc = new Load(LoadSettings.builder().setLabel(file.toString()).build())
        .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
    Map<?, ?> root = (Map<?, ?>) doc;
    Map<?, ?> details = map(root.get("Details"));
    Map<?, ?> artifacts = map(root.get("Artifacts"));
    List<Map<String, String>> pe = new ArrayList<>();
    Object peRaw = details.get("PEMetadata");
    for (Object o : peRaw instanceof List<?> l ? l : peRaw == null ? List.of() : List.of(peRaw)) {
      Map<String, String> m = new java.util.LinkedHashMap<>();
      map(o).forEach((k, v) -> m.put(String.valueOf(k), text(v)));
      pe.add(m);
    }
    List<String> domains = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    for (Object n : list(artifacts.get("Network"))) {
      domains.addAll(strings(map(n).get("Domains")));
      for (Object p : list(map(n).get("Ports"))) {
        try {
          ports.add(Integer.parseInt(String.valueOf(p).strip()));
        } catch (NumberFormatException e) {
          // LOLRMM sometimes writes ranges or words here; a port we cannot read is not a fact.
        }
      }
    }
    return new LolrmmEntry(
        "yaml/" + file.getFileName(),
        text(root.get("Name")),
        text(root.get("Category")),
        text(details.get("Website")),
        strings(details.get("SupportedOS")),
        strings(details.get("Capabilities")),
        pe,
        strings(details.get("InstallationPaths")),
        field(artifacts.get("Disk"), "File"),
        field(artifacts.get("EventLog"), "ServiceName"),
        field(artifacts.get("Registry"), "Path"),
        domains,
        ports,
        field(map(root.get("CodeSigning")).get("certificates"), "signer_name"));
  }

  /**
   * The part of a vendor's file that describes one of its products: the given install-path entries
   * (which must be in this file) and the signers, under the product's name so that the vendor's
   * name does not become an alias of several tools. Provenance stays this file.
   */
  LolrmmEntry part(String productName, List<String> paths) {
    if (!installationPaths.containsAll(paths)) {
      throw new IllegalStateException(file + " does not list " + paths);
    }
    return new LolrmmEntry(file, productName, category, website, supportedOs, capabilities, List.of(),
        List.copyOf(paths), List.of(), List.of(), List.of(), List.of(), List.of(), signers);
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static String text(Object o) {
    if (o == null || o instanceof Map || o instanceof List) {
      return "";
    }
    return String.valueOf(o).strip();
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    for (Object x : list(o)) {
      String s = text(x);
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<String> field(Object items, String key) {
    List<String> out = new ArrayList<>();
    for (Object x : list(items)) {
      String s = text(map(x).get(key));
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
