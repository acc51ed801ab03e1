package dev.kqlhunt.ingest;

/** Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
final class Utf8 {
  private Utf8() {}

  /** Index of the first byte of the first invalid sequence in {@code b[off..off+len)}, or -1. */
  static int firstInvalid(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int min;
      int cp;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
        cp = c & 0x1F;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = 0x800;
        cp = c & 0x0F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = 0x10000;
        cp = c & 0x07;
      } else {
        return i - off;
      }
      if (i + need >= end) return i - off;
      for (int k = 1; k <= need; k++) {
        int ck = b[i + k] & 0xFF;
        if ((ck & 0xC0) != 0x80) return i - off;
        cp = (cp << 6) | (ck & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i - off;
      i += need + 1;
    }
    return -1;
  }
}
