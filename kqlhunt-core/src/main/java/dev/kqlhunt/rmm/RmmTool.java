package dev.kqlhunt.rmm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One remote-access product of the catalog (one file under {@code dev/kqlhunt/rmm/tools/}).
 *
 * @param id slug ({@code remote-desktop-plus}), also the file name without {@code .yaml}
 * @param name display name
 * @param aliases other names the product is known by (earlier names, jischell's folder name)
 * @param vendor the publisher, or null when neither catalog names one
 * @param website the product's web site, or null
 * @param category RMM or RAT
 * @param attack ATT&amp;CK technique ids, always including {@code T1219}
 * @param platforms lower-case platform names ({@code windows}, {@code macos}, {@code linux}, ...)
 * @param indicators the facts that identify the tool
 * @param keptRules published jischell rules kept verbatim
 */
public record RmmTool(
    String id,
    String name,
    List<String> aliases,
    String vendor,
    String website,
    Category category,
    List<String> attack,
    List<String> platforms,
    List<Indicator> indicators,
    List<KeptRule> keptRules) {
  /** Slug syntax: lower-case letters and digits in hyphen-separated words. */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(?:\\.\\d{3})?");

  public RmmTool {
    Objects.requireNonNull(id, "id is null");
    if (!SLUG.matcher(id).matches()) {
      throw new IllegalArgumentException("id is not a slug: '" + id + "'");
    }
    Require.nonBlank(name, "name");
    aliases = Require.nonBlankList(aliases, "alias");
    if (vendor != null) {
      Require.nonBlank(vendor, "vendor");
    }
    if (website != null) {
      Require.nonBlank(website, "website");
    }
    Objects.requireNonNull(category, "category is null");
    attack = Require.nonBlankList(attack, "attack");
    for (String t : attack) {
      if (!TECHNIQUE.matcher(t).matches()) {
        throw new IllegalArgumentException("not an ATT&CK technique id: " + t);
      }
    }
    if (!attack.contains("T1219")) {
      throw new IllegalArgumentException("attack must include T1219 (Remote Access Tools)");
    }
    platforms = Require.nonBlankList(platforms, "platform");
    indicators = List.copyOf(indicators);
    keptRules = List.copyOf(keptRules);
  }

  /** The indicators of one kind, in catalog order. */
  public List<Indicator> indicators(IndicatorKind kind) {
    List<Indicator> out = new ArrayList<>();
    for (Indicator i : indicators) {
      if (i.kind() == kind) {
        out.add(i);
      }
    }
    return out;
  }

  /** True when at least one indicator has confidence {@code floor} or better. */
  public boolean hasUsableIndicator(Confidence floor) {
    for (Indicator i : indicators) {
      if (i.confidence().atLeast(floor)) {
        return true;
      }
    }
    return false;
  }
}
