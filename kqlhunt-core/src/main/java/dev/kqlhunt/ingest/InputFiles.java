package dev.kqlhunt.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Expands paths into {@link InputSource}s: directories (recursively, in name order), plain files,
 * and archives read transparently — {@code .zip}, {@code .gz}, {@code .tar}, {@code .tar.gz} /
 * {@code .tgz}, nested up to {@link #MAX_NESTING} levels. Containers are recognised by their magic
 * bytes, not their names (a {@code .Zip} or an extension-less zip works). Text in UTF-16 with a
 * byte-order mark (Windows PowerShell output) is re-encoded to UTF-8 on the fly.
 *
 * <p>Streaming: nothing is extracted to disk and each member is read once, in archive order, so a
 * visitor must consume a source before returning. Memory is bounded by the head buffer per level.
 * Member streams are {@link PeekableStream}s, so a member cut short still yields every byte before
 * the cut.
 *
 * <p>Damaged archives: a tar stops at its end-of-archive blocks without reading further (some real
 * {@code .tar.gz} files lack their gzip trailer, and their content is complete); a gzip or zip
 * stream that ends early surfaces as an {@link IOException} from the member's stream, which the
 * readers report as a truncated input; the archive then ends there without a second report. Hidden metadata members ({@code __MACOSX/}, {@code ._*}) and
 * directories are skipped.
 */
public final class InputFiles {
  /** Archives inside archives are opened up to this depth; deeper ones are read as plain members. */
  public static final int MAX_NESTING = 3;

  /** Receives each input in turn. */
  @FunctionalInterface
  public interface Visitor {
    void visit(InputSource source) throws IOException;
  }

  private InputFiles() {}

  /** Receives a file or archive that could not be read (entirely, or from some point on). */
  @FunctionalInterface
  public interface ErrorHandler {
    void failed(String name, IOException error);
  }

  /** Visits every input under {@code path}; the first I/O error propagates. */
  public static void forEach(Path path, Visitor visitor) throws IOException {
    forEach(path, visitor, null);
  }

  /**
   * Visits every input under {@code path}. A file that cannot be opened, or an archive that breaks
   * part-way, goes to {@code onError} (null: the error propagates) and the walk continues with the
   * next file; the members visited
   * before the break stay visited. Errors thrown by the visitor itself propagate.
   */
  public static void forEach(Path path, Visitor visitor, ErrorHandler onError) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    } else {
      files.add(path);
    }
    for (Path f : files) {
      GuardedVisitor guarded = new GuardedVisitor(visitor);
      try {
        forEachInFile(f, guarded);
      } catch (IOException e) {
        if (guarded.visitorFailure == e || onError == null) throw e;
        onError.failed(f.toString(), e);
      }
    }
  }

  /** Tells the visitor's own exceptions from the container's. */
  private static final class GuardedVisitor implements Visitor {
    private final Visitor visitor;
    private IOException visitorFailure;

    GuardedVisitor(Visitor visitor) {
      this.visitor = visitor;
    }

    @Override
    public void visit(InputSource source) throws IOException {
      try {
        visitor.visit(source);
      } catch (IOException e) {
        visitorFailure = e;
        throw e;
      }
    }
  }

  private static void forEachInFile(Path file, Visitor visitor) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      String name = file.toString();
      expand(name, InputSource.baseName(name), new PeekableStream(raw), visitor, 0);
    }
  }

  /**
   * Visits the inputs in a stream that is not a file (standard input, a download): the stream
   * itself, or the members of the archive it holds. {@code name} is the display name. Not closed.
   */
  public static void forEach(String name, InputStream in, Visitor visitor) throws IOException {
    expand(name, InputSource.baseName(name), new PeekableStream(in), visitor, 0);
  }

  /** Visits {@code in} itself, or the members of the container it holds. {@code in} is not closed. */
  static void expand(String name, String fileName, PeekableStream in, Visitor visitor, int depth)
      throws IOException {
    Container kind = depth >= MAX_NESTING ? Container.NONE : sniff(in);
    switch (kind) {
      case ZIP -> expandZip(name, in, visitor, depth);
      case GZIP -> {
        PeekableStream gz = new PeekableStream(new GZIPInputStream(in, 1 << 16));
        String inner = stripSuffix(fileName);
        expand(name, inner, gz, visitor, depth + 1);
      }
      case TAR -> expandTar(name, in, visitor, depth);
      case UTF16 -> expand(name, fileName, new PeekableStream(new Utf16ToUtf8Stream(in)), visitor, depth + 1);
      case NONE -> visitor.visit(InputSource.of(name, fileName, in));
    }
  }

  enum Container {
    NONE,
    ZIP,
    GZIP,
    TAR,
    UTF16
  }

  static Container sniff(PeekableStream in) {
    byte[] b = in.peek(263);
    if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) return Container.ZIP;
    if (b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) return Container.GZIP;
    boolean le = b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE;
    boolean be = b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF;
    if (le || be) return Container.UTF16;
    if (b.length >= 262
        && b[257] == 'u'
        && b[258] == 's'
        && b[259] == 't'
        && b[260] == 'a'
        && b[261] == 'r') return Container.TAR;
    return Container.NONE;
  }

  private static void expandZip(String name, PeekableStream in, Visitor visitor, int depth)
      throws IOException {
    ZipInputStream zip = new ZipInputStream(in);
    int entries = 0;
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      entries++;
      if (e.isDirectory() || isMetadata(e.getName())) continue;
      PeekableStream member = new PeekableStream(zip);
      expand(name + "!/" + e.getName(), InputSource.baseName(e.getName()), member, visitor, depth + 1);
      // The member's reader reported the cut; nothing after it can be reached.
      if (member.failed()) return;
    }
    // ZipInputStream reads a cut local header as the end: a zip magic without one entry is damaged.
    if (entries == 0) throw new java.util.zip.ZipException("no readable entry in the zip archive");
  }

  private static void expandTar(String name, PeekableStream in, Visitor visitor, int depth)
      throws IOException {
    TarStream tar = new TarStream(in);
    for (TarStream.Entry e = tar.next(); e != null; e = tar.next()) {
      if (!e.regularFile() || isMetadata(e.name())) continue;
      PeekableStream member = new PeekableStream(tar.entryStream());
      expand(name + "!/" + e.name(), InputSource.baseName(e.name()), member, visitor, depth + 1);
      if (member.failed()) return;
    }
  }

  private static boolean isMetadata(String entryName) {
    return entryName.startsWith("__MACOSX/") || InputSource.baseName(entryName).startsWith("._");
  }

  /** {@code a.json.gz} → {@code a.json}; {@code a.tgz} → {@code a.tar}. */
  static String stripSuffix(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".tgz")) return fileName.substring(0, fileName.length() - 4) + ".tar";
    if (lower.endsWith(".gz")) return fileName.substring(0, fileName.length() - 3);
    return fileName;
  }

  /** Thrown by a member stream when its archive ends early. */
  static EOFException truncated(String what) {
    return new EOFException("archive ends inside " + what);
  }
}
