package dev.kqlhunt.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DynamicParserTest {

  /** Bodies of dynamic(...) literals, as written in Sentinel rules and dynamic.md. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "['a', 'b']|[\"a\",\"b\"]",
        "[\"AnyDesk.exe\", 'TeamViewer.exe']|[\"AnyDesk.exe\",\"TeamViewer.exe\"]",
        "{'key1': 123, 'key2': {'prop1' : 'abc'}, 'key3': [100, 200]}"
            + "|{\"key1\":123,\"key2\":{\"prop1\":\"abc\"},\"key3\":[100,200]}",
        "{\"a\":123, \"b\":\"hello\", \"c\":[1,2,3], \"d\":{}}|{\"a\":123,\"b\":\"hello\",\"c\":[1,2,3],\"d\":{}}",
        "{\"a\": datetime(1970-05-11)}|{\"a\":\"1970-05-11T00:00:00.0000000Z\"}",
        "[time(1d), timespan(00:03:00), long(5), real(1.5), bool(true), guid(0123456789abcdef0123456789abcdef)]"
            + "|[\"1.00:00:00\",\"00:03:00\",5,1.5,true,\"01234567-89ab-cdef-0123-456789abcdef\"]",
        "[datetime(null), 1e3, -0.5, 12345678901234567890]|[null,1000,-0.5,1.2345678901234567E+19]",
        "'a'|\"a\"",
        "  null  |null",
        "['it\\'s', \"quote\\\"d\", 'tab\\t', '\\u0041']|[\"it's\",\"quote\\\"d\",\"tab\\t\",\"A\"]",
        "{'a':1, 'a':2, 'b':3}|{\"a\":2,\"b\":3}",
        "[@'c:\\x\\', @\"say \"\"hi\"\"\", h'secret']|[\"c:\\\\x\\\\\",\"say \\\"hi\\\"\",\"secret\"]",
        "[\"NTDS.out\" \"DumpExt.dll\", 'a' @'b']|[\"NTDS.outDumpExt.dll\",\"ab\"]",
      })
  void literals(String body, String printed) {
    DynamicParser.Result r = DynamicParser.parseLiteral(body);
    assertTrue(r.ok(), () -> r.error() + " at " + r.errorOffset());
    assertEquals(printed, DynamicJson.write(r.value()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "['a'|4",
        "[1,]|3",
        "{'a' 1}|5",
        "[1] x|4",
        "[datetime(2015-13-01)]|1",
        "[foo(1)]|1",
        "'unterminated|0",
        "[-]|1",
        "[01x]|3",
      })
  void literalErrorsHaveOffsets(String body, int offset) {
    DynamicParser.Result r = DynamicParser.parseLiteral(body);
    assertFalse(r.ok());
    assertEquals(offset, r.errorOffset(), r.error());
  }

  @Test
  void commentsInLiterals() {
    DynamicParser.Result r = DynamicParser.parseLiteral("[\n  4112, // PROCESS_VM_READ\n  5136 // last\n]");
    assertTrue(r.ok(), r.error());
    assertEquals("[4112,5136]", DynamicJson.write(r.value()));
    assertFalse(DynamicParser.parseJson("[1 // no comments in JSON\n]").ok());
  }

  @Test
  void jsonIsStrict() {
    assertFalse(DynamicParser.parseJson("['a']").ok(), "single quotes are a literal-only extension");
    assertFalse(DynamicParser.parseJson("[datetime(2015-01-01)]").ok());
    assertTrue(DynamicParser.parseJson("[\"a\", 1.0, {\"b\": null}]").ok());
    // parse_json of invalid JSON is the original string
    assertEquals(Dynamic.of("['a']"), DynamicJson.parse("['a']"));
  }

  @Test
  void deepNestingFailsCleanly() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    DynamicParser.Result r = DynamicParser.parseJson(deep);
    assertFalse(r.ok());
    assertTrue(r.error().contains("nesting"));
  }
}
