package dev.kqlhunt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DuckDB translation of {@code has} used by the engine benchmark agrees with the term rules of
 * docs/SEMANTICS.md, on the examples written there and a few more edges.
 */
class HasTranslationTest {
  private static Connection duck;

  @BeforeAll
  static void open() throws SQLException {
    duck = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void close() throws SQLException {
    duck.close();
  }

  @ParameterizedTest(name = "{0} has {1} = {2}")
  @CsvSource(delimiter = '|', value = {
    "c:\\x\\rdp.exe | rdp.exe | true",
    "rdp.exe.mui | rdp.exe | true",
    "myrdp.exe | rdp.exe | false",
    "rdp.exel | rdp.exe | false",
    "rdp.exe | .exe | true",
    "Remote Desktop Plus | Remote Desktop Plus | true",
    "Remote  Desktop Plus | Remote Desktop Plus | false",
    "a b c | b | true",
    "abc | b | false",
    "xwww.donkz.nl | www.donkz.nl | false",
    "www.donkz.nl.test | www.donkz.nl | true",
    "WWW.DONKZ.NL | www.donkz.nl | true",
    "a_b | b | true",
    "Grüße | Gr | false",
    "Grüße x | Grüße | true",
    "net stop | net | true",
    "network | net | false",
  })
  void hasAgreesWithTheTermRules(String text, String needle, boolean expected) throws SQLException {
    String sql = "SELECT " + EngineQueries.has("v", needle) + " FROM (SELECT " + EngineQueries.sqlString(text) + " AS v)";
    try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      assertEquals(expected, r.getBoolean(1), sql);
    }
  }
}
