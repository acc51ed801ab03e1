package dev.kqlhunt.ingest.evtx;

import static dev.kqlhunt.ingest.evtx.LittleEndian.i32;
import static dev.kqlhunt.ingest.evtx.LittleEndian.i64;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One 64 KiB chunk. Layout (little-endian):
 *
 * <pre>
 *   0  "ElfChnk\0"
 *   8  u64 first event record number      16 u64 last event record number
 *  24  u64 first event record identifier  32 u64 last event record identifier
 *  40  u32 header size (128)              44 u32 offset of the last record
 *  48  u32 free space offset              52 u32 CRC32 of bytes [512, free space offset)
 * 124  u32 CRC32 of bytes [0,120) and [128,512)
 * 128  64 × u32 common string offsets     384 32 × u32 template offsets
 * 512  event records, each: "**\0\0", u32 size, u64 record identifier, u64 FILETIME written,
 *      binary XML, u32 copy of size
 * </pre>
 *
 * A chunk whose signature or either checksum is wrong is reported and skipped as a whole: records
 * cannot be trusted to be delimited correctly inside it. A record that fails to decode inside a
 * good chunk is reported alone.
 */
final class EvtxChunk {
  static final int SIZE = 65536;
  private static final int HEADER_SIZE = 512;
  private static final int RECORD_HEADER = 24;
  private static final byte[] SIGNATURE = "ElfChnk\0".getBytes(StandardCharsets.US_ASCII);
  private static final int RECORD_SIGNATURE = 0x00002a2a;

  private EvtxChunk() {}

  /** True when the chunk was never written (all zero). */
  static boolean isUnused(byte[] chunk) {
    for (int i = 0; i < 8; i++) {
      if (chunk[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns why the chunk header is unusable, or null when it is sound. */
  static String validate(byte[] chunk) {
    if (!Arrays.equals(chunk, 0, 8, SIGNATURE, 0, 8)) {
      return "bad chunk signature";
    }
    CRC32 header = new CRC32();
    header.update(chunk, 0, 120);
    header.update(chunk, 128, HEADER_SIZE - 128);
    if ((int) header.getValue() != i32(chunk, 124)) {
      return "chunk header checksum mismatch";
    }
    int free = i32(chunk, 48);
    if (free < HEADER_SIZE || free > SIZE) {
      return "free space offset " + free + " outside the chunk";
    }
    CRC32 records = new CRC32();
    records.update(chunk, HEADER_SIZE, free - HEADER_SIZE);
    if ((int) records.getValue() != i32(chunk, 52)) {
      return "event records checksum mismatch";
    }
    return null;
  }

  /** Records the header claims (last − first + 1), for reporting what a damaged chunk loses. */
  static long claimedRecords(byte[] chunk) {
    long first = i64(chunk, 8);
    long last = i64(chunk, 16);
    return last >= first && last - first < SIZE ? last - first + 1 : -1;
  }

  /** Decodes the records of a validated chunk. */
  static void readRecords(
      byte[] chunk, int index, long chunkOffset, EvtxVisitor visitor, Counts counts) {
    BinXmlParser parser = new BinXmlParser(chunk);
    int free = i32(chunk, 48);
    int pos = HEADER_SIZE;
    while (pos + RECORD_HEADER + 4 <= free) {
      int size = i32(chunk, pos + 4);
      if (i32(chunk, pos) != RECORD_SIGNATURE
          || size < RECORD_HEADER + 4
          || pos + size > free
          || i32(chunk, pos + size - 4) != size) {
        counts.badRecords++;
        visitor.problem(
            new EvtxProblem(
                chunkOffset + pos, index, "bad record header; rest of chunk skipped", -1));
        return;
      }
      decodeRecord(chunk, parser, pos, size, index, chunkOffset, visitor, counts);
      pos += size;
    }
  }

  private static void decodeRecord(
      byte[] chunk,
      BinXmlParser parser,
      int pos,
      int size,
      int index,
      long chunkOffset,
      EvtxVisitor visitor,
      Counts counts) {
    long id = i64(chunk, pos + 8);
    EvtxRecord record;
    try {
      List<BinXmlNode> fragment = parser.parseFragment(pos + RECORD_HEADER, pos + size - 4);
      XmlElement event = BinXmlRenderer.renderRoot(fragment);
      record =
          new EvtxRecord(
              id, BinXmlValues.filetimeInstant(i64(chunk, pos + 16)), chunkOffset + pos, event);
    } catch (RuntimeException e) {
      // Damaged bytes surface as format errors, out-of-range offsets or impossible dates; none may
      // escape: the record is reported and the chunk's next record is still read.
      counts.badRecords++;
      String why =
          e instanceof EvtxFormatException
              ? e.getMessage()
              : e.getClass().getSimpleName() + ": " + e.getMessage();
      visitor.problem(
          new EvtxProblem(
              chunkOffset + pos, index, "record " + id + " does not decode: " + why, 1));
      return;
    }
    counts.records++;
    visitor.record(record);
  }

  /** Mutable tallies of one file read; confined to the reading thread. */
  static final class Counts {
    long records;
    long badRecords;
  }
}
