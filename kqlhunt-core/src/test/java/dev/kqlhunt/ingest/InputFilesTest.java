package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] zip(String... namesAndContents) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        z.putNextEntry(new ZipEntry(namesAndContents[i]));
        if (!namesAndContents[i].endsWith("/")) z.write(utf8(namesAndContents[i + 1]));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(content);
    }
    return out.toByteArray();
  }

  /** A ustar archive written by hand: 512-byte headers, octal sizes, two zero blocks at the end. */
  static byte[] tar(String... namesAndContents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < namesAndContents.length; i += 2) {
      byte[] data = utf8(namesAndContents[i + 1]);
      byte[] h = new byte[512];
      byte[] name = utf8(namesAndContents[i]);
      System.arraycopy(name, 0, h, 0, name.length);
      put(h, 100, "0000644\0");
      put(h, 124, String.format("%011o\0", data.length));
      h[156] = '0';
      put(h, 257, "ustar\0" + "00");
      Arrays.fill(h, 148, 156, (byte) ' ');
      int sum = 0;
      for (byte b : h) sum += b & 0xFF;
      put(h, 148, String.format("%06o\0 ", sum));
      out.writeBytes(h);
      out.writeBytes(data);
      out.writeBytes(new byte[(512 - data.length % 512) % 512]);
    }
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  private static void put(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }

  private List<String> visit(Path p) throws IOException {
    List<String> seen = new ArrayList<>();
    InputFiles.forEach(
        p,
        s -> {
          String text = new String(s.openStream().readAllBytes(), StandardCharsets.UTF_8);
          seen.add(s.name().substring(dir.toString().length() + 1) + "|" + s.fileName() + "|" + text);
        });
    return seen;
  }

  @Test
  void expandsZipGzipTarAndNestedArchivesByMagic() throws IOException {
    Files.write(dir.resolve("a.zip"), zip("x/one.json", "1", "__MACOSX/._one.json", "junk", "d/", ""));
    Files.write(dir.resolve("b.json.gz"), gzip(utf8("2")));
    Files.write(dir.resolve("c.tar.gz"), gzip(tar("two.csv", "3", "sub/three.jsonl", "4")));
    Files.write(dir.resolve("d.bin"), zip("inner.zip", "ignored"));
    Files.write(dir.resolve("e.Zip"), zip("in.tar", new String(tar("deep.json", "5"), StandardCharsets.ISO_8859_1)));
    Files.write(dir.resolve("f.txt"), utf8("6"));
    List<String> seen = visit(dir);
    assertEquals(
        List.of(
            "a.zip!/x/one.json|one.json|1",
            "b.json.gz|b.json|2",
            "c.tar.gz!/two.csv|two.csv|3",
            "c.tar.gz!/sub/three.jsonl|three.jsonl|4",
            "d.bin!/inner.zip|inner.zip|ignored",
            "e.Zip!/in.tar!/deep.json|deep.json|5",
            "f.txt|f.txt|6"),
        seen);
  }

  @Test
  void tarWithoutGzipTrailerIsReadWhole() throws IOException {
    byte[] gz = gzip(tar("a.jsonl", "{\"DeviceName\":\"x\"}\n"));
    Files.write(dir.resolve("cut.tar.gz"), Arrays.copyOf(gz, gz.length - 8)); // no CRC/size trailer
    assertEquals(List.of("cut.tar.gz!/a.jsonl|a.jsonl|{\"DeviceName\":\"x\"}\n"), visit(dir));
  }

  @Test
  void truncatedGzipKeepsTheRecordsBeforeTheCut() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20000; i++) sb.append("{\"DeviceName\":\"host").append(i).append("\"}\n");
    byte[] gz = gzip(utf8(sb.toString()));
    Path p = dir.resolve("DeviceProcessEvents.jsonl.gz");
    Files.write(p, Arrays.copyOf(gz, gz.length / 2));
    CollectingSink sink = new CollectingSink();
    ReadSummary s = new Ingestor(ReaderRegistry.withDefaults(), Fixtures.options()).ingest(p, sink);
    assertTrue(s.reconciles(), s.toString());
    assertTrue(s.stored() > 1000 && s.stored() < 20000, s.toString());
    assertEquals(Math.min(1, s.rejected()), s.rejected(), "at most the cut record");
    boolean reported =
        !sink.rejects().isEmpty() && sink.rejects().get(0).code() == IngestCode.TRUNCATED_INPUT
            || sink.warnings().stream().anyMatch(w -> w.code() == IngestCode.IO_ERROR);
    assertTrue(reported, "the damage is reported: " + sink.rejects() + sink.warnings());
  }

  @Test
  void unknownContentIsOneSkipForTheWholeInput() throws IOException {
    Files.write(dir.resolve("DeviceProcessEvents.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    CollectingSink sink = new CollectingSink();
    ReadSummary s = new Ingestor(ReaderRegistry.withDefaults(), Fixtures.options()).ingest(dir, sink);
    assertEquals(1, s.read());
    assertEquals(1, s.skipped());
    assertEquals(IngestCode.UNKNOWN_FORMAT, sink.skipped().get(0).code());
  }

  @Test
  void sysmonFormatsWithoutAReaderAreRejectedUntilRegistered() throws IOException {
    byte[] nxlog = utf8("{\"EventID\":1,\"SourceName\":\"Microsoft-Windows-Sysmon\"}\n");
    CollectingSink sink = new CollectingSink();
    Ingestor plain = new Ingestor(ReaderRegistry.withDefaults(), Fixtures.options());
    plain.ingest(InputSource.ofBytes("s.json", nxlog), sink);
    assertEquals("no reader is registered for format nxlog", sink.rejects().get(0).reason());

    ReaderRegistry withSysmon =
        ReaderRegistry.withDefaults()
            .register(
                InputFormat.NXLOG_JSON,
                (source, options, out) -> {
                  out.skip(Reject.of(RecordOrigin.wholeInput(source.name()), "", IngestCode.SKIPPED, "test"));
                  return 1;
                });
    ReadSummary s = new Ingestor(withSysmon, Fixtures.options()).ingest(InputSource.ofBytes("s.json", nxlog), sink);
    assertEquals(1, s.skipped());
    assertTrue(s.reconciles());
  }

  @Test
  void utf16WithBomIsReadAsUtf8() throws IOException {
    String text = "{\"DeviceName\":\"héllo 😀\"}\r\n";
    byte[] le = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[le.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(le, 0, withBom, 2, le.length);
    Files.write(dir.resolve("DeviceProcessEvents.jsonl"), withBom);
    Files.write(dir.resolve("be.jsonl"), text.getBytes(StandardCharsets.UTF_16)); // Java writes a BE BOM
    CollectingSink sink = new CollectingSink();
    ReadSummary s =
        new Ingestor(ReaderRegistry.withDefaults(), Fixtures.options().withTable("DeviceProcessEvents"))
            .ingest(dir, sink);
    assertEquals(2, s.stored(), () -> sink.rejects().toString());
    for (CollectingSink.Row row : sink.rows()) assertEquals("héllo 😀", row.values().get("DeviceName"));
  }

  @Test
  void streamsAreExpandedLikeFiles() throws IOException {
    byte[] gz = gzip(utf8("{\"DeviceName\":\"a\"}\n"));
    CollectingSink sink = new CollectingSink();
    ReadSummary s =
        new Ingestor(ReaderRegistry.withDefaults(), Fixtures.options())
            .ingest("DeviceProcessEvents.jsonl.gz", new java.io.ByteArrayInputStream(gz), sink);
    assertEquals(1, s.stored());
    assertEquals("DeviceProcessEvents.jsonl.gz", sink.rows().get(0).origin().source());
  }
}
