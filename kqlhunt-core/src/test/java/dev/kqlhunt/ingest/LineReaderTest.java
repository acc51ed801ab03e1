package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  /** Returns at most {@code chunk} bytes per read, to cross every buffer boundary. */
  private static InputStream dribble(byte[] b, Random r, int maxChunk) {
    return new ByteArrayInputStream(b) {
      @Override
      public synchronized int read(byte[] buf, int off, int len) {
        return super.read(buf, off, Math.min(len, 1 + r.nextInt(maxChunk)));
      }
    };
  }

  record Line(String text, boolean tooLong, long fullLength, long number, long offset) {}

  private static List<Line> readAll(InputStream in, int max) throws IOException {
    LineReader r = new LineReader(in, max);
    List<Line> out = new ArrayList<>();
    while (r.next()) {
      String t = new String(r.buffer(), r.start(), r.length(), StandardCharsets.ISO_8859_1);
      out.add(new Line(t, r.tooLong(), r.fullLength(), r.lineNumber(), r.lineOffset()));
    }
    return out;
  }

  @Test
  void randomLinesAndChunkSizesMatchASimpleSplit() throws IOException {
    long seed = Long.getLong("kqlhunt.seed", System.nanoTime());
    System.out.println("LineReaderTest seed " + seed);
    Random r = new Random(seed);
    int max = 1024;
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(30);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int len = r.nextInt(10) == 0 ? max + r.nextInt(3000) : r.nextInt(80);
        String line = "x".repeat(len) + (r.nextBoolean() ? "" : "y");
        expected.add(line);
        sb.append(line).append(r.nextInt(5) == 0 ? "\r\n" : "\n");
      }
      if (n > 0 && r.nextBoolean()) {
        sb.setLength(sb.length() - 1); // no final newline
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') sb.setLength(sb.length() - 1);
        if (expected.get(n - 1).isEmpty()) expected.remove(n - 1); // nothing left of that line
      }
      byte[] bytes = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
      List<Line> got = readAll(dribble(bytes, r, 1 + r.nextInt(2000)), max);
      assertEquals(expected.size(), got.size(), "seed " + seed + " round " + round);
      long offset = 0;
      for (int i = 0; i < expected.size(); i++) {
        String e = expected.get(i);
        Line g = got.get(i);
        String where = "seed " + seed + " round " + round + " line " + i;
        assertEquals(i + 1, g.number(), where);
        assertEquals(offset, g.offset(), where);
        boolean long_ = e.length() > max;
        assertEquals(long_, g.tooLong(), where);
        if (long_) assertEquals(e.substring(0, g.text().length()), g.text(), where);
        else assertEquals(e, g.text().endsWith("\r") ? g.text() : g.text(), where);
        int terminator = bytes.length > offset + e.length() && bytes[(int) (offset + e.length())] == '\r' ? 2 : 1;
        offset += e.length() + terminator;
      }
    }
  }

  @Test
  void emptyInputHasNoLines() throws IOException {
    assertFalse(new LineReader(new ByteArrayInputStream(new byte[0]), 1024).next());
  }
}
