package dev.kqlhunt.ingest.sysmon;

import dev.kqlhunt.ingest.FormatReader;
import dev.kqlhunt.ingest.IngestCode;
import dev.kqlhunt.ingest.InputSource;
import dev.kqlhunt.ingest.LineReader;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.json.Json;
import dev.kqlhunt.json.JsonException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads Windows events in JSON: NXLog flat, Winlogbeat 6 and 7+/8, Sentinel {@code WindowsEvent}
 * and {@code evtx_dump} (formats {@code nxlog}, {@code winlogbeat}, {@code windowsevent}, {@code
 * evtx-json}); the shape is recognised per record ({@link JsonEventShapes}), so one reader serves
 * all four and a file may even mix them.
 *
 * <p>Layout: when the first line holds a complete object the input is JSON lines, read line by line
 * (a bad line is one reject and the next line is read normally); otherwise (pretty-printed objects
 * back to back, or an array) values are delimited by bracket matching ({@link JsonValueScanner}).
 * Blank lines are not records.
 */
public final class SysmonJsonReader implements FormatReader {
  @Override
  public long read(InputSource source, ReadOptions options, RecordSink sink) throws IOException {
    SysmonEmitter emitter = new SysmonEmitter(source.name(), sink, new SysmonMapper());
    if (isJsonLines(source.head())) {
      readLines(source, options, emitter);
    } else {
      readConcatenated(source, options, emitter);
    }
    return emitter.read();
  }

  /** True when the first non-blank line starts with '{' and ends with '}'. */
  static boolean isJsonLines(byte[] head) {
    int start = 0;
    while (start < head.length
        && (head[start] <= ' '
            || (head[start] & 0xff) == 0xef
            || (head[start] & 0xff) == 0xbb
            || (head[start] & 0xff) == 0xbf)) {
      start++;
    }
    if (start >= head.length || head[start] != '{') {
      return false;
    }
    int end = start;
    while (end < head.length && head[end] != '\n') {
      end++;
    }
    if (end == head.length && end == InputSource.HEAD_BYTES) {
      return true; // a first line longer than the head: only JSON lines have such lines
    }
    while (end > start && head[end - 1] <= ' ') {
      end--;
    }
    return head[end - 1] == '}' && end - start > 1;
  }

  private static void readLines(InputSource source, ReadOptions options, SysmonEmitter emitter)
      throws IOException {
    LineReader lines = new LineReader(source.openStream(), options.maxRecordBytes());
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    while (lines.next()) {
      long line = lines.lineNumber();
      long offset = lines.lineOffset();
      String text;
      try {
        text =
            utf8.decode(ByteBuffer.wrap(lines.buffer(), lines.start(), lines.length())).toString();
      } catch (CharacterCodingException e) {
        text = new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8);
        emitter.reject(line, offset, text, SysmonCode.NOT_AN_EVENT, "invalid UTF-8");
        continue;
      }
      if (lines.takeFailure()) {
        emitter.reject(
            line, offset, text, IngestCode.TRUNCATED_INPUT, lines.failure().getMessage());
      } else if (lines.tooLong()) {
        emitter.reject(
            line,
            offset,
            text,
            IngestCode.RECORD_TOO_LARGE,
            lines.fullLength(),
            options.maxRecordBytes());
      } else if (!text.isBlank()) {
        decode(text, line, offset, emitter);
      }
    }
  }

  private static void readConcatenated(
      InputSource source, ReadOptions options, SysmonEmitter emitter) throws IOException {
    InputStreamReader reader = new InputStreamReader(source.openStream(), StandardCharsets.UTF_8);
    JsonValueScanner.Handler handler =
        new JsonValueScanner.Handler() {
          @Override
          public void value(String text, long line) {
            decode(text, line, -1, emitter);
          }

          @Override
          public void tooLarge(long line, long chars) {
            emitter.reject(
                line, -1, "", IngestCode.RECORD_TOO_LARGE, chars, options.maxRecordBytes());
          }

          @Override
          public void stray(long line, String text) {
            emitter.reject(
                line, -1, text, IngestCode.MALFORMED_JSON, "text outside any JSON value");
          }

          @Override
          public void truncated(long line, String text) {
            emitter.reject(line, -1, text, IngestCode.TRUNCATED_INPUT, "unterminated JSON value");
          }
        };
    JsonValueScanner scanner = new JsonValueScanner(reader, options.maxRecordBytes(), handler);
    try {
      scanner.run();
    } catch (IOException e) {
      emitter.reject(0, -1, "", IngestCode.TRUNCATED_INPUT, e.getMessage());
    }
  }

  private static void decode(String text, long line, long offset, SysmonEmitter emitter) {
    Object parsed;
    try {
      parsed = Json.parse(text);
    } catch (JsonException e) {
      emitter.reject(line, offset, text, IngestCode.MALFORMED_JSON, e.getMessage());
      return;
    }
    SysmonEvent event;
    try {
      event = JsonEventShapes.convert(parsed);
    } catch (BadEventException e) {
      emitter.reject(line, offset, text, e.code(), e.args());
      return;
    }
    emitter.event(event, line, offset, text);
  }
}
