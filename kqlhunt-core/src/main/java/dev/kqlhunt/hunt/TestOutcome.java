package dev.kqlhunt.hunt;

import java.util.List;
import java.util.Objects;

/**
 * The result of one rule test case: passed, or failed with the lines that explain why (a diff of
 * expected and actual findings, or the error that stopped the case).
 *
 * @param location {@code file:line} of the case
 */
public record TestOutcome(String name, String location, boolean passed, List<String> details) {
  public TestOutcome {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(location, "location is null");
    details = List.copyOf(details);
  }

  public static TestOutcome pass(String name, String location) {
    return new TestOutcome(name, location, true, List.of());
  }

  public static TestOutcome fail(String name, String location, List<String> details) {
    return new TestOutcome(name, location, false, details);
  }
}
