package dev.kqlhunt.store;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.json.JsonException;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The list of live segments, the tables' columns and the ingested-file ledger: the single point of
 * truth of a store. File {@code DIR/manifest.json}, format version 1:
 *
 * <pre>
 * {"format":"kqlhunt-store","version":1,"generation":7,
 *  "tables":{"DeviceProcessEvents":[{"name":"Timestamp","type":"datetime"}, ...]},
 *  "segments":[{"table":"DeviceProcessEvents","file":"segments/DeviceProcessEvents/2026-11-28/7-0.seg",
 *               "partition":"2026-11-28","rows":1000,"bytes":51234,"footerCrc":305419896,
 *               "minTime":638681184000000000,"maxTime":638681903990000000}, ...],
 *  "ledger":[{"sha256":"ab12…","bytes":123456,"name":"logs/a.jsonl","records":1000,"stored":998,
 *             "generation":7}, ...]}
 * #crc32 1a2b3c4d
 * </pre>
 *
 * The JSON is followed by a line {@code #crc32 } and the CRC32 (8 lowercase hex digits) of the JSON
 * text's UTF-8 bytes. {@code tables} lists each table's stored columns in order (stored types, see
 * {@link StoredTypes}); a segment may lack later columns (they read as null). {@code minTime}/{@code
 * maxTime} are ticks of the time column, absent when the segment has none.
 *
 * <p>Replacement is atomic: the new manifest is written to {@code manifest.json.tmp}, forced, renamed
 * over {@code manifest.json}, and the directory is forced; a reader sees the old or the new one,
 * never a mix. Files in {@code segments/} not listed are leftovers of an interrupted ingest and are
 * deleted by the next writer. A missing manifest is an empty store.
 *
 * @param generation incremented by every commit
 * @param tables each table's columns, in order
 * @param segments live segments, in commit order
 * @param ledger ingested files, in commit order
 */
public record Manifest(
    long generation,
    Map<String, List<ColumnSymbol>> tables,
    List<SegmentMeta> segments,
    List<LedgerEntry> ledger) {
  public static final String FILE = "manifest.json";
  public static final int VERSION = 1;
  static final String FORMAT = "kqlhunt-store";
  private static final String CRC_PREFIX = "\n#crc32 ";

  public static final Manifest EMPTY = new Manifest(0, Map.of(), List.of(), List.of());

  public Manifest {
    if (generation < 0) throw new IllegalArgumentException("negative generation");
    Map<String, List<ColumnSymbol>> t = new LinkedHashMap<>();
    tables.forEach((k, v) -> t.put(k, List.copyOf(v)));
    tables = java.util.Collections.unmodifiableMap(t);
    segments = List.copyOf(segments);
    ledger = List.copyOf(ledger);
  }

  /** Reads {@code dir/manifest.json}; {@link #EMPTY} when there is none. */
  public static Manifest read(Path dir) throws IOException {
    String text;
    try {
      text = Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return EMPTY;
    }
    int cut = text.lastIndexOf(CRC_PREFIX);
    if (cut < 0) throw new CorruptStoreException(FILE + ": no checksum line");
    String json = text.substring(0, cut);
    String crcText = text.substring(cut + CRC_PREFIX.length()).strip();
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    if (!crcText.equals(String.format("%08x", SegmentFile.crc(bytes, 0, bytes.length)))) {
      throw new CorruptStoreException(FILE + ": checksum mismatch");
    }
    try {
      return fromJson(Json.parse(json));
    } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new CorruptStoreException(FILE + ": " + e.getMessage(), e);
    }
  }

  /** Replaces {@code dir/manifest.json} with this manifest, atomically and durably. */
  public void write(Path dir) throws IOException {
    String json = Json.write(toJson());
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    String text = json + CRC_PREFIX + String.format("%08x", SegmentFile.crc(bytes, 0, bytes.length)) + "\n";
    Path tmp = dir.resolve(FILE + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) ch.write(buf);
      ch.force(true);
    }
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    forceDirectory(dir);
  }

  /** Forces a directory's entries (renames, creations) to disk. */
  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  /** The segments of {@code table}, in commit order. */
  public List<SegmentMeta> segments(String table) {
    List<SegmentMeta> out = new ArrayList<>();
    for (SegmentMeta s : segments) if (s.table().equals(table)) out.add(s);
    return out;
  }

  private Map<String, Object> toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("version", (long) VERSION);
    root.put("generation", generation);
    Map<String, Object> t = new LinkedHashMap<>();
    tables.forEach((name, cols) -> {
      List<Object> list = new ArrayList<>();
      for (ColumnSymbol c : cols) list.add(Map.of("name", c.name(), "type", c.type().kustoName()));
      t.put(name, list);
    });
    root.put("tables", t);
    List<Object> segs = new ArrayList<>();
    for (SegmentMeta s : segments) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table", s.table());
      m.put("file", s.file());
      m.put("partition", s.partition());
      m.put("rows", s.rows());
      m.put("bytes", s.bytes());
      m.put("footerCrc", s.footerCrc());
      if (s.hasTime()) {
        m.put("minTime", s.minTime());
        m.put("maxTime", s.maxTime());
      }
      segs.add(m);
    }
    root.put("segments", segs);
    List<Object> led = new ArrayList<>();
    for (LedgerEntry e : ledger) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sha256", e.sha256());
      m.put("bytes", e.bytes());
      m.put("name", e.name());
      m.put("records", e.records());
      m.put("stored", e.stored());
      m.put("generation", e.generation());
      led.add(m);
    }
    root.put("ledger", led);
    return root;
  }

  @SuppressWarnings("unchecked")
  private static Manifest fromJson(Object tree) {
    Map<String, Object> root = (Map<String, Object>) tree;
    if (!FORMAT.equals(root.get("format"))) throw new CorruptStoreException(FILE + ": not a kqlhunt store manifest");
    long version = (Long) root.get("version");
    if (version != VERSION) throw new CorruptStoreException(FILE + ": unsupported store version " + version);
    Map<String, List<ColumnSymbol>> tables = new LinkedHashMap<>();
    ((Map<String, Object>) root.get("tables")).forEach((name, cols) -> {
      List<ColumnSymbol> list = new ArrayList<>();
      for (Object o : (List<Object>) cols) {
        Map<String, Object> c = (Map<String, Object>) o;
        ScalarType type = Objects.requireNonNull(ScalarType.fromName((String) c.get("type")), "type");
        list.add(new ColumnSymbol((String) c.get("name"), type));
      }
      tables.put(name, list);
    });
    List<SegmentMeta> segments = new ArrayList<>();
    for (Object o : (List<Object>) root.get("segments")) {
      Map<String, Object> m = (Map<String, Object>) o;
      boolean hasTime = m.containsKey("minTime");
      segments.add(new SegmentMeta((String) m.get("table"), (String) m.get("file"),
          (String) m.get("partition"), (Long) m.get("rows"), (Long) m.get("bytes"),
          (Long) m.get("footerCrc"), hasTime ? (Long) m.get("minTime") : Long.MIN_VALUE,
          hasTime ? (Long) m.get("maxTime") : Long.MIN_VALUE));
    }
    List<LedgerEntry> ledger = new ArrayList<>();
    for (Object o : (List<Object>) root.get("ledger")) {
      Map<String, Object> m = (Map<String, Object>) o;
      ledger.add(new LedgerEntry((String) m.get("sha256"), (Long) m.get("bytes"), (String) m.get("name"),
          (Long) m.get("records"), (Long) m.get("stored"), (Long) m.get("generation")));
    }
    return new Manifest((Long) root.get("generation"), tables, segments, ledger);
  }
}
