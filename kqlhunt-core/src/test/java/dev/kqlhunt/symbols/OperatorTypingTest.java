package dev.kqlhunt.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Operator typing agrees with the official parser on every cell of {@code operator-types.tsv}. */
class OperatorTypingTest {

  @Test
  void everyOperatorAndTypePairMatchesTheOfficialParser() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    for (String line : lines()) {
      String[] f = line.split("\t", -1);
      ScalarType left = ScalarType.fromName(f[1]);
      ScalarType right = f[2].isEmpty() ? null : ScalarType.fromName(f[2]);
      ScalarType actual = type(f[0], left, right);
      String shown = actual == null ? "error" : actual.kustoName();
      cases++;
      if (!shown.equals(f[3])) {
        mismatches.add(f[1] + " " + f[0] + " " + f[2] + ": expected " + f[3] + ", got " + shown);
      }
    }
    System.out.printf("operator typing: %d/%d agree%n", cases - mismatches.size(), cases);
    assertTrue(cases > 2400, "too few cases " + cases);
    assertEquals(List.of(), mismatches);
  }

  private static ScalarType type(String op, ScalarType left, ScalarType right) {
    return switch (op) {
      case "u-", "u+" -> OperatorTyping.unaryMinus(left);
      case "between" -> OperatorTyping.between(left, right, right);
      default -> OperatorTyping.binary(BinaryOperator.fromText(op), left, right);
    };
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "datetime, -, datetime, timespan",
    "datetime, +, timespan, datetime",
    "timespan, *, real, timespan",
    "int, +, int, long",
    "int, +, real, real",
    "long, /, decimal, decimal",
    "timespan, /, timespan, real",
    "unknown, +, long, unknown",
    "unknown, has, string, bool",
    "string, ==, long, bool",
  })
  void documentedRules(String left, String op, String right, String expected) {
    assertEquals(
        ScalarType.fromName(expected),
        OperatorTyping.binary(BinaryOperator.fromText(op), ScalarType.fromName(left), ScalarType.fromName(right)));
  }

  @Test
  void undefinedCombinationsAreNull() {
    assertNull(OperatorTyping.binary(BinaryOperator.LESS, ScalarType.STRING, ScalarType.STRING));
    assertNull(OperatorTyping.binary(BinaryOperator.MULTIPLY, ScalarType.DATETIME, ScalarType.TIMESPAN));
    assertNull(OperatorTyping.binary(BinaryOperator.HAS, ScalarType.STRING, ScalarType.LONG));
    assertNull(OperatorTyping.not(ScalarType.STRING));
  }

  @Test
  void operatorSpellingsRoundTrip() {
    for (BinaryOperator op : BinaryOperator.values()) {
      assertEquals(op, BinaryOperator.fromText(op.text()));
    }
    assertEquals(BinaryOperator.MATCHES_REGEX, BinaryOperator.fromText("matches   REGEX"));
    assertEquals(BinaryOperator.HAS_CS, BinaryOperator.fromText("has_cs"));
    assertNull(BinaryOperator.fromText("hass"));
  }

  @Test
  void promotions() {
    assertTrue(OperatorTyping.isPromotable(ScalarType.INT, ScalarType.REAL));
    assertTrue(OperatorTyping.isPromotable(ScalarType.REAL, ScalarType.DECIMAL));
    assertTrue(!OperatorTyping.isPromotable(ScalarType.REAL, ScalarType.LONG));
    assertTrue(!OperatorTyping.isPromotable(ScalarType.DYNAMIC, ScalarType.STRING));
  }

  private static List<String> lines() throws IOException {
    try (InputStream in = OperatorTypingTest.class.getResourceAsStream("operator-types.tsv")) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return out;
    }
  }
}
