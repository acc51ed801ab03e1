package dev.kqlhunt.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue of ATT&CK technique ids shipped as {@code attack-techniques.tsv} (its header states
 * the source and date). A sub-technique absent from the list is accepted when its parent is listed and
 * current: the list holds the sub-techniques the corpus uses, not all ~400 of the matrix. Immutable
 * and thread-safe; {@link #builtIn()} loads once.
 */
public final class AttackTechniques {
  /** {@code T} + four digits, optionally {@code .} + three digits; Sentinel wants upper-case T. */
  private static final Pattern ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

  /** Where a technique id stands in the catalogue. */
  public enum Status { CURRENT, DEPRECATED, UNKNOWN }

  private final Map<String, String> names;
  private final Set<String> deprecated;

  private AttackTechniques(Map<String, String> names, Set<String> deprecated) {
    this.names = Collections.unmodifiableMap(names);
    this.deprecated = Collections.unmodifiableSet(deprecated);
  }

  private static final class Holder {
    static final AttackTechniques BUILT_IN = load();
  }

  public static AttackTechniques builtIn() {
    return Holder.BUILT_IN;
  }

  /** True when {@code id} has the shape of a technique id ({@code T1219}, {@code T1059.001}). */
  public static boolean isWellFormed(String id) {
    return ID.matcher(id).matches();
  }

  public Status status(String id) {
    if (deprecated.contains(id)) return Status.DEPRECATED;
    if (names.containsKey(id)) return Status.CURRENT;
    int dot = id.indexOf('.');
    if (dot > 0 && names.containsKey(id.substring(0, dot)) && !deprecated.contains(id.substring(0, dot))) {
      return Status.CURRENT;
    }
    return Status.UNKNOWN;
  }

  /** The technique's name (the parent's name for an unlisted sub-technique). */
  public Optional<String> name(String id) {
    String n = names.get(id);
    if (n == null && id.indexOf('.') > 0) n = names.get(id.substring(0, id.indexOf('.')));
    return Optional.ofNullable(n);
  }

  public int size() {
    return names.size();
  }

  private static AttackTechniques load() {
    Map<String, String> names = new HashMap<>();
    Set<String> deprecated = new HashSet<>();
    try (InputStream in = AttackTechniques.class.getResourceAsStream("attack-techniques.tsv")) {
      if (in == null) throw new IllegalStateException("attack-techniques.tsv missing from the classpath");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cols = line.split("\t");
        names.put(cols[0], cols.length > 1 ? cols[1] : cols[0]);
        if (cols.length > 2 && cols[2].equals("deprecated")) deprecated.add(cols[0]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AttackTechniques(names, deprecated);
  }
}
