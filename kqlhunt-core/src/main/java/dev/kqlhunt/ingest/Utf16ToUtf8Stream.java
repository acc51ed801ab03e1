package dev.kqlhunt.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Re-encodes a UTF-16 stream with a byte-order mark (what Windows PowerShell's {@code Out-File} and
 * {@code >} write) as UTF-8, so every reader sees UTF-8. Unpaired surrogates become U+FFFD. Byte
 * offsets in rejects then count UTF-8 bytes of the re-encoded text.
 */
final class Utf16ToUtf8Stream extends InputStream {
  private final Reader reader;
  private final CharsetEncoder encoder =
      StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final CharBuffer chars = CharBuffer.allocate(8192);
  private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 16);
  private boolean eof;

  Utf16ToUtf8Stream(InputStream in) {
    // UTF_16 reads the BOM to pick the byte order and drops it.
    this.reader = new InputStreamReader(in, StandardCharsets.UTF_16);
    bytes.flip();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    while (!bytes.hasRemaining()) {
      if (eof) return -1;
      refill();
    }
    int n = Math.min(len, bytes.remaining());
    bytes.get(b, off, n);
    return n;
  }

  private void refill() throws IOException {
    bytes.clear();
    int n = reader.read(chars.array(), chars.position(), chars.remaining());
    if (n < 0) {
      eof = true;
      chars.flip();
      encoder.encode(chars, bytes, true);
      encoder.flush(bytes);
    } else {
      chars.position(chars.position() + n);
      chars.flip();
      CoderResult r = encoder.encode(chars, bytes, false);
      if (r.isError()) r.throwException();
      chars.compact(); // keeps a high surrogate waiting for its pair
    }
    bytes.flip();
  }
}
