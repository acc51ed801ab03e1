package dev.kqlhunt.rmm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The RMM catalog: every known remote-access tool with the facts that identify it.
 *
 * <h2>Format</h2>
 *
 * One UTF-8 YAML file per tool under {@code dev/kqlhunt/rmm/tools/}, named {@code <id>.yaml}, plus
 * {@code index.txt} listing the file names one per line (class-path directories cannot be listed
 * inside a jar). A file holds one mapping; unknown keys are errors:
 *
 * <pre>
 * id: remote-desktop-plus            # slug, equal to the file name
 * name: 'Remote Desktop Plus'        # unique across the catalog (case-insensitive)
 * aliases: ['RemoteDesktopPlus']     # other names; optional
 * vendor: 'donkz.nl'                 # optional
 * website: 'https://www.donkz.nl/'   # optional
 * category: RAT                      # RMM or RAT
 * attack: [T1219, T1219.002]         # ATT&amp;CK ids, T1219 required
 * platforms: [windows]               # lower-case; may be empty
 * indicators:                        # each has kind, its value keys, confidence, provenance
 * - kind: peVersionInfo              # company / product / originalFileName: lists of alternatives;
 *   company: ['www.donkz.nl']        #   fields AND inside an entry, entries OR each other
 *   product: ['Remote Desktop Plus']
 *   originalFileName: ['rdp.exe']
 *   confidence: high                 # high, medium or low
 *   provenance: {source: jischell, file: 'RMM/RemoteDesktopPlus/rmm_RemoteDesktopPlus_createproc.yaml'}
 * - kind: processName                # name: image file name, * wildcard
 * - kind: path                       # path: %ENV% expanded, * wildcard, trailing \ = folder
 * - kind: signer                     # name: certificate subject
 * - kind: domain                     # domain: host or *.suffix; ports: [443] optional
 * - kind: registryKey                # key: HKEY_LOCAL_MACHINE\..., * wildcard
 * - kind: serviceName                # name: Windows service name
 * rules:                             # published jischell rules kept verbatim; optional
 * - id: 6e98184a-6794-4c94-923b-d0ab052ca92e
 *   kind: process-versioninfo        # a RmmRuleKind slug
 *   name: '...'
 *   provenance: {source: sentinel, file: '...'}
 *   query: |
 *     ...
 * </pre>
 *
 * <p>Provenance sources are {@code lolrmm}, {@code jischell}, {@code sentinel} and {@code kqlhunt} (a
 * maintainer correction). Instances are immutable and thread-safe.
 */
public final class RmmCatalog {
  /** Class-path folder of the catalog files. */
  public static final String RESOURCE_DIR = "dev/kqlhunt/rmm/tools/";

  private final List<RmmTool> tools;
  private final Map<String, RmmTool> byKey;

  private RmmCatalog(List<RmmTool> tools) {
    this.tools = List.copyOf(tools);
    Map<String, RmmTool> keys = new HashMap<>();
    for (RmmTool t : tools) {
      keys.putIfAbsent(t.id(), t);
      keys.putIfAbsent(key(t.name()), t);
      for (String alias : t.aliases()) {
        keys.putIfAbsent(key(alias), t);
      }
    }
    this.byKey = Collections.unmodifiableMap(keys);
  }

  /**
   * Loads the catalog shipped on the class path.
   *
   * @throws RmmCatalogException listing every malformed file with its line, and catalog-wide problems
   */
  public static RmmCatalog load() {
    ClassLoader loader = RmmCatalog.class.getClassLoader();
    String index = resource(loader, RESOURCE_DIR + "index.txt");
    if (index == null) {
      throw new RmmCatalogException(List.of(new CatalogProblem("index.txt", 0, "catalog index missing")));
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : index.split("\n")) {
      String n = name.strip();
      if (!n.isEmpty()) {
        files.put(n, resource(loader, RESOURCE_DIR + n));
      }
    }
    return fromTexts(files);
  }

  /** Loads every {@code *.yaml} file of a folder (sorted by name); for the build tool and tests. */
  public static RmmCatalog loadFrom(Path dir) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (var stream = Files.list(dir)) {
      for (Path p : stream.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".yaml")) {
          files.put(n, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    return fromTexts(files);
  }

  /**
   * Parses and validates catalog files given as file name to text (a null text means the file is
   * missing).
   *
   * @throws RmmCatalogException listing every problem found
   */
  public static RmmCatalog fromTexts(Map<String, String> files) {
    List<CatalogProblem> problems = new ArrayList<>();
    List<RmmTool> tools = new ArrayList<>();
    Map<String, RmmTool> fileOf = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (f.getValue() == null) {
        problems.add(new CatalogProblem(f.getKey(), 0, "listed in index.txt but not found"));
        continue;
      }
      try {
        RmmTool tool = RmmCatalogReader.read(f.getKey(), f.getValue());
        tools.add(tool);
        fileOf.put(f.getKey(), tool);
      } catch (RmmCatalogException e) {
        problems.addAll(e.problems());
      }
    }
    problems.addAll(CatalogValidator.validate(fileOf));
    if (!problems.isEmpty()) {
      throw new RmmCatalogException(problems);
    }
    return new RmmCatalog(tools);
  }

  /** All tools, in file-name order. */
  public List<RmmTool> tools() {
    return tools;
  }

  /** Finds a tool by id, name or alias (case-insensitive, ignoring spaces and punctuation). */
  public Optional<RmmTool> find(String idOrName) {
    RmmTool t = byKey.get(idOrName);
    return Optional.ofNullable(t != null ? t : byKey.get(key(idOrName)));
  }

  /** The lookup key of a name: lower case, letters and digits only. */
  static String key(String name) {
    StringBuilder sb = new StringBuilder();
    name.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static String resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
