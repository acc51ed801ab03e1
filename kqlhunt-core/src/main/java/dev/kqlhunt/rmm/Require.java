package dev.kqlhunt.rmm;

import java.util.List;
import java.util.Objects;

/** Constructor checks shared by the catalog records; each throws IllegalArgumentException with a reason. */
final class Require {
  private Require() {}

  static String nonBlank(String value, String what) {
    Objects.requireNonNull(value, () -> what + " is null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    if (!value.equals(value.strip())) {
      throw new IllegalArgumentException(what + " has leading or trailing white space: '" + value + "'");
    }
    return value;
  }

  static List<String> nonBlankList(List<String> values, String what) {
    Objects.requireNonNull(values, () -> what + " is null");
    for (String v : values) {
      nonBlank(v, what + " entry");
    }
    return List.copyOf(values);
  }
}
