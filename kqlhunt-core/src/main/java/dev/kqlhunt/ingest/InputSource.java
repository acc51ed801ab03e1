package dev.kqlhunt.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * One input to read: a plain file or a member of an archive, already decompressed. It exposes the
 * first {@link #HEAD_BYTES} bytes ({@link #head()}) for format detection, and a stream over the whole
 * content that replays those bytes ({@link #openStream()}, once).
 *
 * <p>Names: {@link #name()} is what rejects and summaries show ({@code logs/a.zip!/a.json}); {@link
 * #fileName()} is the member's own file name without compression suffix ({@code a.json}), used as a
 * hint for the table name and the format.
 *
 * <p>Not thread-safe. The caller of a reader closes nothing: {@link InputFiles} owns the streams.
 */
public final class InputSource {
  /** Bytes kept for detection. Large enough for a CSV header of every Device* column. */
  public static final int HEAD_BYTES = 64 * 1024;

  private final String name;
  private final String fileName;
  private final byte[] head;
  private final InputStream rest;
  private boolean opened;
  private java.util.function.LongConsumer onRead;

  private InputSource(String name, String fileName, byte[] head, InputStream rest) {
    this.name = Objects.requireNonNull(name, "name is null");
    this.fileName = Objects.requireNonNull(fileName, "fileName is null");
    this.head = head;
    this.rest = rest;
  }

  /**
   * Reads the head of {@code in} now; the rest is read by whoever opens the stream. {@code in} is not
   * closed by this class.
   */
  public static InputSource of(String name, String fileName, InputStream in) throws IOException {
    byte[] buf = new byte[HEAD_BYTES];
    int n = 0;
    try {
      // Plain read calls, not readNBytes: a call that fails must not take earlier bytes with it.
      for (int k; n < HEAD_BYTES && (k = in.read(buf, n, HEAD_BYTES - n)) >= 0; ) n += k;
    } catch (IOException e) {
      // A damaged stream (a gzip without its end, say): keep what was read, fail where it broke, so
      // the reader reports the records before the damage and rejects the cut one.
      return new InputSource(name, fileName, Arrays.copyOf(buf, n), new FailingStream(e));
    }
    return new InputSource(name, fileName, Arrays.copyOf(buf, n), in);
  }

  /** Throws the original failure on every read. */
  private static final class FailingStream extends InputStream {
    private final IOException failure;

    FailingStream(IOException failure) {
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      throw failure;
    }
  }

  /** An in-memory input (tests, stdin). */
  public static InputSource ofBytes(String name, byte[] content) {
    int n = Math.min(content.length, HEAD_BYTES);
    return new InputSource(
        name,
        baseName(name),
        Arrays.copyOf(content, n),
        new ByteArrayInputStream(content, n, content.length - n));
  }

  public String name() {
    return name;
  }

  public String fileName() {
    return fileName;
  }

  /** The first bytes of the content (fewer when the content is shorter). Do not modify. */
  public byte[] head() {
    return head;
  }

  /** True when the whole content fits in {@link #head()}. */
  public boolean headIsComplete() {
    return head.length < HEAD_BYTES;
  }

  /**
   * The whole content, starting with the head bytes. May be called once; a second call fails,
   * because archive members cannot be re-read.
   */
  public InputStream openStream() {
    if (opened) throw new IllegalStateException("input already opened: " + name);
    opened = true;
    InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), rest);
    return onRead == null ? all : new CountingStream(all, onRead);
  }

  /** Makes {@link #openStream()} report every byte read to {@code listener}. Returns {@code source}. */
  static InputSource counting(InputSource source, java.util.function.LongConsumer listener) {
    source.onRead = listener;
    return source;
  }

  private static final class CountingStream extends java.io.FilterInputStream {
    private final java.util.function.LongConsumer listener;

    CountingStream(InputStream in, java.util.function.LongConsumer listener) {
      super(in);
      this.listener = listener;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) listener.accept(1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) listener.accept(n);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = in.skip(n);
      if (k > 0) listener.accept(k);
      return k;
    }
  }

  /** The last path segment of a name such as {@code dir/a.zip!/x/y.json}. */
  static String baseName(String name) {
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return cut < 0 ? name : name.substring(cut + 1);
  }

  @Override
  public String toString() {
    return name;
  }
}
