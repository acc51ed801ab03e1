package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "x.jsonl | {\"a\":1}\\n{\"a\":2}\\n | JSON_LINES",
        "x.txt | {\"a\":1,,}\\n{\"a\":2}\\n | JSON_LINES",
        "x | [{\"a\":1},{\"a\":2}] | JSON_DOCUMENT",
        "x | [\\n {\"a\":1}\\n] | JSON_DOCUMENT",
        "x | {\\n \"a\": 1\\n}\\n | JSON_DOCUMENT",
        "x | {\"category\":\"AdvancedHunting-DeviceInfo\",\"properties\":{}}\\n | DEFENDER_STREAMING",
        "x | {\"records\":[]}\\n | DEFENDER_STREAMING",
        "x | {\\n \"records\": [\\n | DEFENDER_STREAMING",
        "x | {\"Schema\":[],\"Results\":[]} | HUNTING_API",
        "x | {\\n  \"Schema\": [ | HUNTING_API",
        "x | {\\n  \"schema\": [ | HUNTING_API",
        "x | Timestamp,DeviceName\\n2024-01-01,a\\n | CSV",
        "x.csv | Timestamp\\n2024-01-01\\n | CSV",
        "x | <Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'> | SYSMON_XML",
        "x | {\"EventID\":1,\"SourceName\":\"Microsoft-Windows-Sysmon\",\"Image\":\"a\"}\\n | NXLOG_JSON",
        "x | {\"winlog\":{\"event_id\":1}}\\n | WINLOGBEAT_JSON",
        "x | {\"event_id\":1,\"event_data\":{},\"computer_name\":\"a\"}\\n | WINLOGBEAT_JSON",
        "x | {\"Type\":\"WindowsEvent\",\"EventData\":\"{}\",\"EventID\":1}\\n | WINDOWS_EVENT_JSON",
        "x | {\\n  \"Event\": {\\n    \"System\": { | EVTX_DUMP_JSON",
      })
  void detectsFromContent(String name, String content, InputFormat expected) {
    String text = content.replace("\\n", "\n");
    InputSource s = InputSource.ofBytes(name, text.getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, FormatDetector.detect(s));
  }

  @ParameterizedTest
  @CsvSource({"ElfFile, EVTX"})
  void detectsEvtxMagic(String magic, InputFormat expected) {
    byte[] b = (magic + "\0rest").getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(expected, FormatDetector.detect(InputSource.ofBytes("a.bin", b)));
  }
}
