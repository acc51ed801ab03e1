package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.DynamicJson;
import dev.kqlhunt.value.Guids;
import dev.kqlhunt.value.Punycode;
import dev.kqlhunt.value.XxHash64;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Hashing and byte encodings: {@code hash}, {@code hash_xxhash64}, {@code hash_many}, guid and byte
 * array base64 forms, gzip/zlib compression to base64, and punycode. Values are hashed over their
 * binary form: strings as UTF-8, long/datetime/timespan as 8 little-endian bytes (datetime as ticks),
 * int as 4, real as its IEEE bits, bool as one byte, guid in .NET's byte order, dynamic as its JSON
 * text (hash-function.md: {@code hash("World")} and {@code hash(datetime(2015-01-01))} match).
 */
final class EncodingFunctions {
  private EncodingFunctions() {}

  static ScalarFunction lookup(String name, ScalarType[] types) {
    return switch (name) {
      case "hash", "hash_xxhash64" -> a -> hash(a, types);
      case "hash_many" -> a -> {
        long h = 0;
        for (int i = 0; i < a.length; i++) h = h * 31 + (a[i] == null ? 0 : XxHash64.hash(bytes(a[i], types[i])));
        return h;
      };
      case "base64_encode_fromguid" -> a -> {
        UUID u = a[0] == null ? null : Guids.parse(Coerce.toStringValue(a[0], types[0]));
        return u == null ? null : Base64.getEncoder().encodeToString(guidBytes(u));
      };
      case "base64_decode_toguid" -> a -> decodeGuid(Coerce.toStringValue(a[0], types[0]));
      case "base64_encode_fromarray" -> a -> encodeArray(a[0]);
      case "gzip_compress_to_base64_string" -> a -> compress(s(a[0], types[0]), true);
      case "zlib_compress_to_base64_string" -> a -> compress(s(a[0], types[0]), false);
      case "gzip_decompress_from_base64_string" -> a -> decompress(s(a[0], types[0]), true);
      case "zlib_decompress_from_base64_string" -> a -> decompress(s(a[0], types[0]), false);
      case "punycode_from_string" -> a -> Punycode.encode(s(a[0], types[0]));
      case "punycode_to_string" -> a -> Punycode.decode(s(a[0], types[0]));
      // Named as in Kusto: the domain functions go the other way round from the label functions.
      case "punycode_domain_from_string" -> a -> Punycode.domainToUnicode(s(a[0], types[0]));
      case "punycode_domain_to_string" -> a -> Punycode.domainToAscii(s(a[0], types[0]));
      default -> null;
    };
  }

  private static String s(Object v, ScalarType t) {
    return Coerce.toStringValue(v, t);
  }

  private static Object hash(Object[] a, ScalarType[] types) {
    if (a[0] == null) return null;
    long h = XxHash64.hash(bytes(a[0], types[0]));
    if (a.length < 2) return h;
    long mod = Coerce.toLong(ScalarOps.unwrap(a[1]));
    if (mod == Coerce.NULL_LONG || mod <= 0) return null;
    return Long.remainderUnsigned(h, mod);
  }

  /** The binary form a value is hashed over (see the class comment). */
  static byte[] bytes(Object v, ScalarType type) {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    return switch (v) {
      case Long l when type == ScalarType.INT -> java.util.Arrays.copyOf(b.putInt((int) (long) l).array(), 4);
      case Long l -> b.putLong(l).array();
      case Double d -> b.putDouble(d).array();
      case Boolean x -> new byte[] {(byte) (x ? 1 : 0)};
      case String str when type == ScalarType.GUID && Guids.parse(str) != null -> guidBytes(Guids.parse(str));
      case String str -> str.getBytes(StandardCharsets.UTF_8);
      case Dynamic d -> DynamicJson.write(d).getBytes(StandardCharsets.UTF_8);
      default -> v.toString().getBytes(StandardCharsets.UTF_8);
    };
  }

  /** A guid's 16 bytes in .NET's {@code Guid.ToByteArray()} order (the first three groups little-endian). */
  static byte[] guidBytes(UUID u) {
    ByteBuffer big = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    byte[] b = big.array();
    byte[] out = b.clone();
    out[0] = b[3];
    out[1] = b[2];
    out[2] = b[1];
    out[3] = b[0];
    out[4] = b[5];
    out[5] = b[4];
    out[6] = b[7];
    out[7] = b[6];
    return out;
  }

  private static Object decodeGuid(String text) {
    byte[] b;
    try {
      b = Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (b.length != 16) return null;
    byte[] big = guidBytes(new UUID(ByteBuffer.wrap(b).getLong(), ByteBuffer.wrap(b).getLong(8)));
    ByteBuffer bb = ByteBuffer.wrap(big);
    return new UUID(bb.getLong(), bb.getLong()).toString();
  }

  private static Object encodeArray(Object v) {
    List<Dynamic> items = CollectionFunctions.array(v);
    if (items == null) return null;
    byte[] out = new byte[items.size()];
    for (int i = 0; i < out.length; i++) {
      long x = Coerce.toLong(ScalarOps.unwrap(items.get(i)));
      if (x == Coerce.NULL_LONG || x < 0 || x > 255) return null;
      out[i] = (byte) x;
    }
    return Base64.getEncoder().encodeToString(out);
  }

  /**
   * Compresses the UTF-8 text. The documented outputs (gzip-base64-compress.md,
   * zlib-base64-compress-function.md) are stored (uncompressed) deflate blocks, so Kusto's encoder
   * runs without compression; we do the same to give the same base64 text. The gzip header has no
   * name and time and the "unknown" OS byte, as documented.
   */
  private static Object compress(String text, boolean gzip) {
    byte[] input = text.getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.NO_COMPRESSION, gzip);
    deflater.setInput(input);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (gzip) out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    byte[] buf = new byte[4096];
    while (!deflater.finished()) {
      int n = deflater.deflate(buf);
      out.write(buf, 0, n);
    }
    deflater.end();
    if (gzip) {
      CRC32 crc = new CRC32();
      crc.update(input);
      ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      trailer.putInt((int) crc.getValue()).putInt(input.length);
      out.writeBytes(trailer.array());
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  /** The decompressed UTF-8 text, or null when the input is not valid base64 of the format. */
  private static Object decompress(String base64, boolean gzip) {
    byte[] data;
    try {
      data = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
    int start = 0;
    if (gzip) {
      if (data.length < 18 || (data[0] & 0xff) != 0x1f || (data[1] & 0xff) != 0x8b) return null;
      start = gzipHeaderLength(data);
      if (start < 0) return null;
    }
    Inflater inflater = new Inflater(gzip);
    inflater.setInput(data, start, data.length - start);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) return null;
        out.write(buf, 0, n);
        if (out.size() > 64 << 20) return null;
      }
    } catch (DataFormatException e) {
      return null;
    } finally {
      inflater.end();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The length of a gzip member header (RFC 1952: optional extra, name, comment, CRC fields). */
  private static int gzipHeaderLength(byte[] d) {
    int flags = d[3] & 0xff;
    int p = 10;
    if ((flags & 4) != 0) {
      if (p + 2 > d.length) return -1;
      p += 2 + ((d[p] & 0xff) | (d[p + 1] & 0xff) << 8);
    }
    for (int bit : new int[] {8, 16}) {
      if ((flags & bit) != 0) {
        while (p < d.length && d[p] != 0) p++;
        p++;
      }
    }
    if ((flags & 2) != 0) p += 2;
    return p < d.length ? p : -1;
  }
}
