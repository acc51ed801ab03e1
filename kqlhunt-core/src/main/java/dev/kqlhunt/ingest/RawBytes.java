package dev.kqlhunt.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns raw record bytes into reject text, whatever they contain. */
final class RawBytes {
  private RawBytes() {}

  /**
   * At most {@link Reject#MAX_RAW_CHARS} bytes' worth of text; invalid UTF-8 becomes U+FFFD so the
   * reject file stays valid UTF-8.
   */
  static String text(byte[] b, int off, int len) {
    int n = Math.min(len, Reject.MAX_RAW_CHARS + 4);
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      String s = d.decode(ByteBuffer.wrap(b, off, n)).toString();
      return n < len ? s + Reject.TRUNCATION_MARK : s;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new AssertionError("REPLACE never throws", e);
    }
  }

  /** True when the bytes are only blanks (space, tab, CR, LF). */
  static boolean isBlank(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    }
    return true;
  }
}
