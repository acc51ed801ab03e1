package dev.kqlhunt.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record (bytes) into decoded fields: commas outside quotes separate fields, a quoted
 * field has its quotes removed and {@code ""} unescaped. Text outside quotes is kept as it is
 * (lenient, as Excel). UTF-8 is decoded strictly; a bad byte throws {@link BadUtf8} with its offset.
 */
final class CsvFields {
  /** A byte that is not valid UTF-8, at an offset in the record. */
  static final class BadUtf8 extends Exception {
    final int offset;
    final int badByte;

    BadUtf8(int offset, int badByte) {
      super(null, null, false, false);
      this.offset = offset;
      this.badByte = badByte;
    }
  }

  private byte[] field = new byte[256];

  List<String> split(byte[] b, int off, int len) throws BadUtf8 {
    List<String> out = new ArrayList<>();
    int i = off;
    int end = off + len;
    while (true) {
      int n = 0;
      int fieldStart = i;
      boolean quoted = false;
      while (i < end) {
        byte c = b[i];
        if (quoted) {
          if (c == '"') {
            if (i + 1 < end && b[i + 1] == '"') {
              n = put(n, c);
              i += 2;
              continue;
            }
            quoted = false;
            i++;
            continue;
          }
          n = put(n, c);
          i++;
        } else if (c == '"') {
          quoted = true;
          i++;
        } else if (c == ',') {
          break;
        } else {
          n = put(n, c);
          i++;
        }
      }
      out.add(decode(n, fieldStart - off));
      if (i >= end) return out;
      i++; // the comma
    }
  }

  private int put(int n, byte c) {
    if (n == field.length) field = java.util.Arrays.copyOf(field, n * 2);
    field[n] = c;
    return n + 1;
  }

  private String decode(int n, int fieldOffset) throws BadUtf8 {
    int bad = Utf8.firstInvalid(field, 0, n);
    if (bad >= 0) throw new BadUtf8(fieldOffset + bad, field[bad] & 0xFF);
    return new String(field, 0, n, StandardCharsets.UTF_8);
  }
}
