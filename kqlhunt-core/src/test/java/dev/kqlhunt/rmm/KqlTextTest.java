package dev.kqlhunt.rmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KqlTextTest {
  @Test
  void regularLiteralsEscapeQuotesAndBackslashes() {
    assertEquals("'www.donkz.nl'", KqlText.literal("www.donkz.nl"));
    assertEquals("'O\\'Brien\\\\x'", KqlText.literal("O'Brien\\x"));
    assertEquals("('a', 'b\\'c')", KqlText.literalList(List.of("a", "b'c")));
    assertThrows(IllegalArgumentException.class, () -> KqlText.literal("bell\u0007"));
  }

  @Test
  void verbatimLiteralsKeepBackslashesAndDoubleQuotes() {
    assertEquals("@'C:\\Program Files\\It''s\\'", KqlText.verbatim("C:\\Program Files\\It's\\"));
    assertThrows(IllegalArgumentException.class, () -> KqlText.verbatim("a\nb"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "C:\\Tools\\x.exe     | false | FolderPath =~ @'C:\\Tools\\x.exe'",
        "C:\\Tools\\x.exe     | true  | FolderPath startswith @'C:\\Tools\\x.exe'",
        "C:\\Tools\\*         | false | FolderPath startswith @'C:\\Tools\\'",
        "*\\Tools\\x.exe      | false | FolderPath endswith @'\\Tools\\x.exe'",
        "*\\ManageEngine\\*   | false | FolderPath contains @'\\ManageEngine\\'",
        "C:\\Users\\*\\a'b.txt | false | FolderPath matches regex @'(?i)^C:\\\\Users\\\\.*\\\\a''b\\.txt$'",
      })
  void globsBecomeTheNarrowestCaseInsensitiveOperator(String pattern, boolean prefix, String expected) {
    assertEquals(expected, KqlText.globPredicate("FolderPath", pattern, prefix));
  }

  @Test
  void aPatternOfOnlyWildcardsIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> KqlText.globPredicate("FileName", "**", false));
  }

  /** RFC 9562 appendix test vector for version 5 (DNS namespace, www.example.com). */
  @Test
  void nameBasedUuidsFollowTheRfc() {
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertEquals("2ed6657d-e927-568b-95e1-2665a8aea6a2", NameUuid.v5(dns, "www.example.com").toString());
  }

  @ParameterizedTest
  @CsvSource({
    "anydesk.com, true", "*.anydesk.com, true", "boot.net.anydesk.com, true", "AnyDesk.com, false",
    "anydesk, false", "10.0.0.1, false", "relay-[a-f0-9]{8}.net.anydesk.com, false", "*.com.*, false",
    "-bad.com, false", "*.co, false",
  })
  void domainPatterns(String text, boolean valid) {
    assertEquals(valid, DomainPattern.isValid(text), text);
  }

  @Test
  void suffixPatternsMatchStrictSubdomainsOnly() {
    assertEquals(true, DomainPattern.matches("*.anydesk.com", "relay-1a2b3c4d.net.AnyDesk.com"));
    assertEquals(false, DomainPattern.matches("*.anydesk.com", "anydesk.com"));
    assertEquals(false, DomainPattern.matches("*.anydesk.com", "notanydesk.com"));
    assertEquals(true, DomainPattern.matches("anydesk.com", "ANYDESK.COM"));
  }
}
