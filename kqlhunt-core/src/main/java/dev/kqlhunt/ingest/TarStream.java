package dev.kqlhunt.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal sequential reader of POSIX ustar / GNU tar streams: 512-byte headers, octal sizes,
 * ustar name prefixes, GNU long names ({@code L}) and pax {@code path} records ({@code x}). It stops
 * at the first all-zero header (end of archive) and never reads past it.
 */
final class TarStream {
  record Entry(String name, long size, boolean regularFile) {}

  private static final int BLOCK = 512;
  private final InputStream in;
  private long remaining; // bytes of the current entry not yet consumed
  private long padding; // zero bytes after the current entry up to the block boundary
  private boolean ended;

  TarStream(InputStream in) {
    this.in = in;
  }

  /** The next entry header, or null at the end of the archive. Skips the rest of the previous one. */
  Entry next() throws IOException {
    if (ended) return null;
    in.skipNBytes(remaining + padding);
    remaining = 0;
    padding = 0;
    String longName = null;
    while (true) {
      byte[] h = in.readNBytes(BLOCK);
      if (h.length < BLOCK || isZero(h)) {
        ended = true;
        return null;
      }
      long size = parseOctal(h, 124, 12);
      char type = (char) h[156];
      if (type == 'L' || type == 'x' || type == 'g') {
        byte[] data = in.readNBytes((int) Math.min(size, 1 << 20));
        in.skipNBytes(size - data.length + pad(size));
        if (type == 'L') longName = cString(data, 0, data.length);
        if (type == 'x') longName = paxPath(data, longName);
        continue;
      }
      String name = longName != null ? longName : headerName(h);
      remaining = size;
      padding = pad(size);
      return new Entry(name, size, type == '0' || type == '\0' || type == '7');
    }
  }

  /** The current entry's content; reading past its end returns -1. */
  InputStream entryStream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        if (remaining <= 0) return -1;
        int b = in.read();
        if (b < 0) throw InputFiles.truncated("a tar entry");
        remaining--;
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        if (remaining <= 0) return -1;
        int n = in.read(buf, off, (int) Math.min(len, remaining));
        if (n < 0) throw InputFiles.truncated("a tar entry");
        remaining -= n;
        return n;
      }
    };
  }

  private static long pad(long size) {
    long r = size % BLOCK;
    return r == 0 ? 0 : BLOCK - r;
  }

  private static boolean isZero(byte[] h) {
    for (byte b : h) if (b != 0) return false;
    return true;
  }

  private static String headerName(byte[] h) {
    String name = cString(h, 0, 100);
    boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't';
    String prefix = ustar ? cString(h, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String cString(byte[] b, int off, int max) {
    int end = off;
    while (end < off + max && end < b.length && b[end] != 0) end++;
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long parseOctal(byte[] h, int off, int len) {
    if ((h[off] & 0x80) != 0) { // GNU base-256 for sizes >= 8 GiB
      long v = 0;
      for (int i = off + 1; i < off + len; i++) v = (v << 8) | (h[i] & 0xFF);
      return v;
    }
    long v = 0;
    for (int i = off; i < off + len; i++) {
      byte c = h[i];
      if (c >= '0' && c <= '7') v = v * 8 + (c - '0');
      else if (c != ' ' && c != 0) break;
    }
    return v;
  }

  /** Pax records are {@code "<len> key=value\n"}; only {@code path} matters here. */
  private static String paxPath(byte[] data, String fallback) {
    String text = new String(data, StandardCharsets.UTF_8);
    for (String rec : text.split("\n")) {
      int sp = rec.indexOf(' ');
      if (sp > 0 && rec.startsWith("path=", sp + 1)) return rec.substring(sp + 6);
    }
    return fallback;
  }
}
