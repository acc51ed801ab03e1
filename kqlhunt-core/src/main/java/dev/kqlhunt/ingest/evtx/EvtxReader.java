package dev.kqlhunt.ingest.evtx;

import static dev.kqlhunt.ingest.evtx.LittleEndian.i32;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads a Windows XML Event Log (EVTX) file, our own decoder of the format. File layout: a 4 KiB
 * file header, then 64 KiB chunks (see {@link EvtxChunk}); records inside chunks hold binary XML
 * (see {@link BinXmlParser}).
 *
 * <p>File header (little-endian): {@code 0 "ElfFile\0"}, {@code 8 u64 first chunk}, {@code 16 u64
 * last chunk}, {@code 24 u64 next record id}, {@code 32 u32 header size (128)}, {@code 36 u16 minor
 * / 38 u16 major version}, {@code 40 u16 header block size (4096)}, {@code 42 u16 chunk count},
 * {@code 120 u32 flags (1 dirty, 2 full)}, {@code 124 u32 CRC32 of bytes [0,120)}.
 *
 * <p>Chunks are read in file order until the end of the stream, whatever the header's chunk count
 * says (a dirty file may not have updated it). A wrong file-header checksum is reported and reading
 * goes on; a damaged chunk is reported and skipped; all else is delivered. Only I/O errors throw.
 * Memory: one chunk (64 KiB plus its decoded templates) at a time. Not thread-safe per call; calls
 * on different streams are independent.
 */
public final class EvtxReader {
  private static final int FILE_HEADER_SIZE = 4096;
  private static final byte[] SIGNATURE = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);

  private EvtxReader() {}

  /** True when the bytes start with the EVTX file signature. */
  public static boolean looksLikeEvtx(byte[] head) {
    return head.length >= 8 && Arrays.equals(head, 0, 8, SIGNATURE, 0, 8);
  }

  /**
   * Reads every chunk from {@code in} (positioned at the file start) and reports records and
   * problems to {@code visitor}. The stream is not closed.
   *
   * @throws IOException on I/O failure, or when the stream is not an EVTX file at all
   */
  public static EvtxSummary read(InputStream in, EvtxVisitor visitor) throws IOException {
    byte[] header = new byte[FILE_HEADER_SIZE];
    if (readFully(in, header) < 128 || !looksLikeEvtx(header)) {
      throw new IOException("not an EVTX file (no ElfFile signature)");
    }
    CRC32 crc = new CRC32();
    crc.update(header, 0, 120);
    if ((int) crc.getValue() != i32(header, 124)) {
      visitor.problem(new EvtxProblem(0, -1, "file header checksum mismatch (ignored)", 0));
    }
    return readChunks(in, visitor);
  }

  private static EvtxSummary readChunks(InputStream in, EvtxVisitor visitor) throws IOException {
    EvtxChunk.Counts counts = new EvtxChunk.Counts();
    byte[] chunk = new byte[EvtxChunk.SIZE];
    int used = 0;
    int damaged = 0;
    for (int index = 0; ; index++) {
      int n = readFully(in, chunk);
      if (n == 0) {
        break;
      }
      long offset = FILE_HEADER_SIZE + (long) index * EvtxChunk.SIZE;
      if (n < EvtxChunk.SIZE) {
        Arrays.fill(chunk, n, chunk.length, (byte) 0);
        if (!EvtxChunk.isUnused(chunk)) {
          visitor.problem(new EvtxProblem(offset, index, "truncated chunk (" + n + " bytes)", -1));
          damaged++;
        }
        break;
      }
      if (EvtxChunk.isUnused(chunk)) {
        continue;
      }
      used++;
      String bad = EvtxChunk.validate(chunk);
      if (bad != null) {
        damaged++;
        visitor.problem(
            new EvtxProblem(
                offset, index, bad + "; chunk skipped", EvtxChunk.claimedRecords(chunk)));
        continue;
      }
      EvtxChunk.readRecords(chunk, index, offset, visitor, counts);
    }
    return new EvtxSummary(used, damaged, counts.records, counts.badRecords);
  }

  private static int readFully(InputStream in, byte[] buffer) throws IOException {
    int total = 0;
    while (total < buffer.length) {
      int n = in.read(buffer, total, buffer.length - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }
}
