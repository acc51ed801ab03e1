package dev.kqlhunt.ingest.evtx;

import static dev.kqlhunt.ingest.evtx.LittleEndian.i32;
import static dev.kqlhunt.ingest.evtx.LittleEndian.u16;
import static dev.kqlhunt.ingest.evtx.LittleEndian.u8;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the binary XML of one chunk into {@link BinXmlNode}s.
 *
 * <p>Token layout (offsets chunk-relative, integers little-endian):
 *
 * <ul>
 *   <li>{@code 0x00} end of fragment; {@code 0x0f} fragment header (token, major, minor, flags);
 *   <li>{@code 0x01}/{@code 0x41} open start element: token, u16 dependency id, u32 data size, u32
 *       name offset, [inline name], and with flag 0x40 a u32 attribute list size then attributes;
 *   <li>{@code 0x02} close start element, {@code 0x03} close empty element, {@code 0x04} end
 *       element;
 *   <li>{@code 0x05}/{@code 0x45} value: token, u8 type, u16 character count, UTF-16 text;
 *   <li>{@code 0x06}/{@code 0x46} attribute: token, u32 name offset, [inline name], one value node;
 *   <li>{@code 0x07} CDATA, {@code 0x08} character reference, {@code 0x09} entity reference, {@code
 *       0x0a}/{@code 0x0b} processing instruction target/data;
 *   <li>{@code 0x0c} template instance: token, u8, u32 template id, u32 definition offset, [inline
 *       definition: u32 next, 16-byte GUID, u32 size, body], u32 value count, count × (u16 size, u8
 *       type, u8 0), then the value bytes;
 *   <li>{@code 0x0d}/{@code 0x0e} normal/optional substitution: token, u16 index, u8 type.
 * </ul>
 *
 * A name (element, attribute, entity) is stored once per chunk as: u32 next-in-hash-bucket, u16
 * hash, u16 character count, UTF-16 characters, u16 NUL. When the name offset equals the current
 * position the name is stored right there and must be skipped. Template definitions work the same
 * way. Both are cached per chunk by offset. Not thread-safe: one instance per chunk.
 */
final class BinXmlParser {
  /** Guards against cyclic or absurdly deep data (each level is an element or a fragment). */
  private static final int MAX_DEPTH = 256;

  private final byte[] b;
  private final Map<Integer, String> names = new HashMap<>();
  private final Map<Integer, List<BinXmlNode>> templates = new HashMap<>();
  private int pos;
  private int depth;

  BinXmlParser(byte[] chunk) {
    this.b = chunk;
  }

  /** Parses the fragment in {@code [start, end)}; throws {@link EvtxFormatException} when bad. */
  List<BinXmlNode> parseFragment(int start, int end) {
    int saved = pos;
    pos = start;
    try {
      return parseContent(end, false);
    } finally {
      pos = saved;
    }
  }

  private List<BinXmlNode> parseContent(int end, boolean insideElement) {
    if (++depth > MAX_DEPTH) {
      throw new EvtxFormatException("binary XML nested deeper than " + MAX_DEPTH);
    }
    List<BinXmlNode> out = new ArrayList<>();
    try {
      while (pos < end) {
        int token = u8(b, pos);
        switch (token) {
          case 0x00 -> {
            pos++;
            return out;
          }
          case 0x04 -> {
            if (!insideElement) {
              throw error("end element outside an element");
            }
            pos++;
            return out;
          }
          case 0x0f -> pos += 4;
          case 0x01, 0x41 -> out.add(parseElement(end));
          case 0x05, 0x45, 0x07, 0x47, 0x08, 0x48, 0x09, 0x49, 0x0d, 0x0e ->
              out.add(parseValueNode());
          case 0x0a -> pos = skipName(pos + 5, i32(b, pos + 1));
          case 0x0b -> pos += 3 + 2 * u16(b, pos + 1);
          case 0x0c -> out.add(parseTemplateInstance());
          default -> throw error("unexpected token 0x" + Integer.toHexString(token));
        }
      }
      if (insideElement) {
        throw error("element not closed before the end of its data");
      }
      return out;
    } finally {
      depth--;
    }
  }

  private BinXmlNode.Element parseElement(int end) {
    int token = u8(b, pos);
    int nameOffset = i32(b, pos + 7);
    String name = name(nameOffset);
    pos = skipName(pos + 11, nameOffset);
    List<BinXmlNode.Attribute> attributes = new ArrayList<>();
    if ((token & 0x40) != 0) {
      pos += 4; // attribute list size: the attribute tokens themselves tell where the list ends
      while (pos < end && (u8(b, pos) & 0xbf) == 0x06) {
        attributes.add(parseAttribute());
      }
    }
    int close = u8(b, pos++);
    return switch (close) {
      case 0x03 -> new BinXmlNode.Element(name, attributes, List.of());
      case 0x02 -> new BinXmlNode.Element(name, attributes, parseContent(end, true));
      default ->
          throw error(
              "expected close of start element <"
                  + name
                  + ">, found 0x"
                  + Integer.toHexString(close));
    };
  }

  private BinXmlNode.Attribute parseAttribute() {
    int nameOffset = i32(b, pos + 1);
    String name = name(nameOffset);
    pos = skipName(pos + 5, nameOffset);
    List<BinXmlNode> value = new ArrayList<>();
    while (isValueToken(u8(b, pos))) {
      value.add(parseValueNode());
    }
    return new BinXmlNode.Attribute(name, value);
  }

  private static boolean isValueToken(int token) {
    return switch (token) {
      case 0x05, 0x45, 0x07, 0x47, 0x08, 0x48, 0x09, 0x49, 0x0d, 0x0e -> true;
      default -> false;
    };
  }

  private BinXmlNode parseValueNode() {
    int token = u8(b, pos) & 0xbf;
    switch (token) {
      case 0x05 -> {
        int chars = u16(b, pos + 2);
        String text = BinXmlValues.utf16(b, pos + 4, chars);
        pos += 4 + 2 * chars;
        return new BinXmlNode.Text(text);
      }
      case 0x07 -> {
        int chars = u16(b, pos + 1);
        String text = BinXmlValues.utf16(b, pos + 3, chars);
        pos += 3 + 2 * chars;
        return new BinXmlNode.Text(text);
      }
      case 0x08 -> {
        char c = (char) u16(b, pos + 1);
        pos += 3;
        return new BinXmlNode.Text(String.valueOf(c));
      }
      case 0x09 -> {
        int nameOffset = i32(b, pos + 1);
        String entity = name(nameOffset);
        pos = skipName(pos + 5, nameOffset);
        return new BinXmlNode.Text(resolveEntity(entity));
      }
      case 0x0d, 0x0e -> {
        int index = u16(b, pos + 1);
        pos += 4;
        return new BinXmlNode.Substitution(index, token == 0x0e);
      }
      default -> throw error("not a value token: 0x" + Integer.toHexString(token));
    }
  }

  private static String resolveEntity(String entity) {
    return switch (entity) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> "&" + entity + ";";
    };
  }

  private BinXmlNode.TemplateInstance parseTemplateInstance() {
    int definitionOffset = i32(b, pos + 6);
    pos += 10;
    List<BinXmlNode> body = template(definitionOffset);
    if (definitionOffset == pos) {
      pos += 24 + i32(b, pos + 20);
    }
    int count = i32(b, pos);
    if (count < 0 || count > 4096) {
      throw error("template instance with " + count + " values");
    }
    int descriptors = pos + 4;
    int data = descriptors + 4 * count;
    List<Object> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int size = u16(b, descriptors + 4 * i);
      int type = u8(b, descriptors + 4 * i + 2);
      checkBounds(data, size);
      values.add(value(data, size, type));
      data += size;
    }
    pos = data;
    return new BinXmlNode.TemplateInstance(body, values);
  }

  private Object value(int at, int size, int type) {
    if (size == 0 || type == BinXmlValues.NULL) {
      return null;
    }
    if (type == BinXmlValues.BINXML) {
      return parseFragment(at, at + size);
    }
    return BinXmlValues.render(b, at, size, type);
  }

  private List<BinXmlNode> template(int definitionOffset) {
    List<BinXmlNode> body = templates.get(definitionOffset);
    if (body == null) {
      checkBounds(definitionOffset, 24);
      int size = i32(b, definitionOffset + 20);
      checkBounds(definitionOffset + 24, size);
      body = parseFragment(definitionOffset + 24, definitionOffset + 24 + size);
      templates.put(definitionOffset, body);
    }
    return body;
  }

  private String name(int offset) {
    String cached = names.get(offset);
    if (cached == null) {
      checkBounds(offset, 8);
      int chars = u16(b, offset + 6);
      checkBounds(offset + 8, 2 * chars);
      cached = BinXmlValues.utf16(b, offset + 8, chars);
      names.put(offset, cached);
    }
    return cached;
  }

  /** Returns the position after an inline name stored at {@code at}, or {@code at} otherwise. */
  private int skipName(int at, int nameOffset) {
    return nameOffset == at ? at + 10 + 2 * u16(b, at + 6) : at;
  }

  private void checkBounds(int at, int size) {
    if (at < 0 || size < 0 || at + size > b.length) {
      throw error("reference outside the chunk: offset " + at + " size " + size);
    }
  }

  private EvtxFormatException error(String reason) {
    return new EvtxFormatException(reason + " at chunk offset " + pos);
  }
}
