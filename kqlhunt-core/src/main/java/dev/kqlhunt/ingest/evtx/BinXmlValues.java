package dev.kqlhunt.ingest.evtx;

import static dev.kqlhunt.ingest.evtx.LittleEndian.i32;
import static dev.kqlhunt.ingest.evtx.LittleEndian.i64;
import static dev.kqlhunt.ingest.evtx.LittleEndian.u16;
import static dev.kqlhunt.ingest.evtx.LittleEndian.u32;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders the typed values of binary XML substitutions as the text Windows shows in event XML. Type
 * codes follow the EVTX value type table: 0x01 UTF-16 string, 0x02 ANSI string, 0x03..0x0a
 * signed/unsigned 8..64-bit integers, 0x0b/0x0c floats, 0x0d bool, 0x0e binary, 0x0f GUID, 0x10
 * size_t, 0x11 FILETIME, 0x12 SYSTEMTIME, 0x13 SID, 0x14/0x15 hex integers; 0x80 marks an array.
 */
final class BinXmlValues {
  static final int NULL = 0x00;
  static final int BINXML = 0x21;
  static final int ARRAY_FLAG = 0x80;

  /** Windows renders FILETIMEs with 7 fractional digits (100 ns ticks). */
  private static final DateTimeFormatter FILETIME_TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'", Locale.ROOT);

  private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

  private BinXmlValues() {}

  /** Renders {@code size} bytes at {@code at} of the given type; arrays are joined with ", ". */
  static String render(byte[] b, int at, int size, int type) {
    if ((type & ARRAY_FLAG) != 0) {
      return renderArray(b, at, size, type & ~ARRAY_FLAG);
    }
    return switch (type) {
      case NULL -> null;
      case 0x01 -> utf16(b, at, size / 2);
      case 0x02 -> stripNuls(new String(b, at, size, StandardCharsets.ISO_8859_1));
      case 0x03 -> Integer.toString(b[at]);
      case 0x04 -> Integer.toString(b[at] & 0xff);
      case 0x05 -> Integer.toString((short) u16(b, at));
      case 0x06 -> Integer.toString(u16(b, at));
      case 0x07 -> Integer.toString(i32(b, at));
      case 0x08 -> Long.toString(u32(b, at));
      case 0x09 -> Long.toString(i64(b, at));
      case 0x0a -> Long.toUnsignedString(i64(b, at));
      case 0x0b -> Float.toString(Float.intBitsToFloat(i32(b, at)));
      case 0x0c -> Double.toString(Double.longBitsToDouble(i64(b, at)));
      case 0x0d -> i32(b, at) != 0 ? "true" : "false";
      case 0x0e -> hex(b, at, size);
      case 0x0f -> guid(b, at);
      case 0x10 -> "0x" + Long.toHexString(size == 8 ? i64(b, at) : u32(b, at));
      case 0x11 -> filetime(i64(b, at));
      case 0x12 -> systemtime(b, at);
      case 0x13 -> sid(b, at, size);
      case 0x14 -> "0x" + Long.toHexString(u32(b, at));
      case 0x15 -> "0x" + Long.toHexString(i64(b, at));
      default ->
          throw new EvtxFormatException("unsupported value type 0x" + Integer.toHexString(type));
    };
  }

  private static String renderArray(byte[] b, int at, int size, int elementType) {
    StringBuilder out = new StringBuilder();
    if (elementType == 0x01) {
      // UTF-16 string arrays are NUL-separated.
      String all = new String(b, at, size, StandardCharsets.UTF_16LE);
      for (String part : all.split("\u0000")) {
        append(out, part);
      }
      return out.toString();
    }
    int width = fixedWidth(elementType, size);
    for (int p = 0; p + width <= size; p += width) {
      append(out, render(b, at + p, width, elementType));
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String item) {
    if (!out.isEmpty()) {
      out.append(", ");
    }
    out.append(item);
  }

  private static int fixedWidth(int type, int size) {
    return switch (type) {
      case 0x03, 0x04 -> 1;
      case 0x05, 0x06 -> 2;
      case 0x07, 0x08, 0x0b, 0x0d, 0x14 -> 4;
      case 0x09, 0x0a, 0x0c, 0x11, 0x15 -> 8;
      case 0x0f, 0x12 -> 16;
      default ->
          throw new EvtxFormatException(
              "unsupported array of type 0x" + Integer.toHexString(type) + " (" + size + " bytes)");
    };
  }

  static String utf16(byte[] b, int at, int chars) {
    return stripNuls(new String(b, at, chars * 2, StandardCharsets.UTF_16LE));
  }

  private static String stripNuls(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\u0000') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String hex(byte[] b, int at, int size) {
    StringBuilder out = new StringBuilder(size * 2);
    for (int i = 0; i < size; i++) {
      out.append(Character.toUpperCase(Character.forDigit((b[at + i] >> 4) & 0xf, 16)))
          .append(Character.toUpperCase(Character.forDigit(b[at + i] & 0xf, 16)));
    }
    return out.toString();
  }

  /** Data1..3 are little-endian, Data4 is a byte string; Windows prints upper case in braces. */
  static String guid(byte[] b, int at) {
    return String.format(
        Locale.ROOT,
        "{%08X-%04X-%04X-%s-%s}",
        u32(b, at),
        u16(b, at + 4),
        u16(b, at + 6),
        hex(b, at + 8, 2),
        hex(b, at + 10, 6));
  }

  static Instant filetimeInstant(long ticks) {
    long seconds = Math.floorDiv(ticks, 10_000_000L) - FILETIME_EPOCH_OFFSET_SECONDS;
    long nanos = Math.floorMod(ticks, 10_000_000L) * 100L;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static String filetime(long ticks) {
    return FILETIME_TEXT.format(filetimeInstant(ticks).atOffset(ZoneOffset.UTC));
  }

  private static String systemtime(byte[] b, int at) {
    LocalDateTime t =
        LocalDateTime.of(
            u16(b, at),
            u16(b, at + 2),
            u16(b, at + 6),
            u16(b, at + 8),
            u16(b, at + 10),
            u16(b, at + 12),
            u16(b, at + 14) * 1_000_000);
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).format(t);
  }

  /** Revision, sub-authority count, 48-bit big-endian authority, little-endian sub-authorities. */
  private static String sid(byte[] b, int at, int size) {
    int count = b[at + 1] & 0xff;
    if (size < 8 + 4 * count) {
      throw new EvtxFormatException(
          "SID of " + size + " bytes claims " + count + " sub-authorities");
    }
    long authority = 0;
    for (int i = 2; i < 8; i++) {
      authority = authority << 8 | (b[at + i] & 0xff);
    }
    StringBuilder out = new StringBuilder("S-").append(b[at] & 0xff).append('-').append(authority);
    for (int i = 0; i < count; i++) {
      out.append('-').append(u32(b, at + 8 + 4 * i));
    }
    return out.toString();
  }
}
