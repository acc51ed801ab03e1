package dev.kqlhunt.ingest.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BinXmlValuesTest {
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
    return b;
  }

  @Test
  void integersAndHex() {
    assertEquals("-1", BinXmlValues.render(bytes(0xff), 0, 1, 0x03));
    assertEquals("255", BinXmlValues.render(bytes(0xff), 0, 1, 0x04));
    assertEquals("65535", BinXmlValues.render(bytes(0xff, 0xff), 0, 2, 0x06));
    assertEquals("4294967295", BinXmlValues.render(bytes(0xff, 0xff, 0xff, 0xff), 0, 4, 0x08));
    assertEquals(
        "18446744073709551615",
        BinXmlValues.render(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), 0, 8, 0x0a));
    assertEquals("0x3e7", BinXmlValues.render(bytes(0xe7, 0x03, 0, 0, 0, 0, 0, 0), 0, 8, 0x15));
    assertEquals(
        "0x8000000000000000", BinXmlValues.render(bytes(0, 0, 0, 0, 0, 0, 0, 0x80), 0, 8, 0x15));
    assertEquals("0x10", BinXmlValues.render(bytes(0x10, 0, 0, 0), 0, 4, 0x14));
    assertEquals("true", BinXmlValues.render(bytes(1, 0, 0, 0), 0, 4, 0x0d));
  }

  @Test
  void stringsGuidSidAndTimes() {
    byte[] s = "cmd.exe\0".getBytes(StandardCharsets.UTF_16LE);
    assertEquals("cmd.exe", BinXmlValues.render(s, 0, s.length, 0x01));
    byte[] guid =
        bytes(
            0x5f, 0x38, 0x70, 0x57, 0x2a, 0xc2, 0xe0, 0x43, 0xbf, 0x4c, 0x06, 0xf5, 0x69, 0x8f,
            0xfb, 0xd9);
    assertEquals("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}", BinXmlValues.render(guid, 0, 16, 0x0f));
    byte[] sid = bytes(1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0);
    assertEquals("S-1-5-18", BinXmlValues.render(sid, 0, 12, 0x13));
    // 2019-07-19T14:41:13.5635128Z as FILETIME ticks: (1563547273 + 11644473600) * 10^7 + 5635128
    long ticks = (1563547273L + 11644473600L) * 10_000_000L + 5635128L;
    byte[] ft = new byte[8];
    for (int i = 0; i < 8; i++) ft[i] = (byte) (ticks >>> (8 * i));
    assertEquals("2019-07-19T14:41:13.5635128Z", BinXmlValues.render(ft, 0, 8, 0x11));
    byte[] st = bytes(0xe3, 0x07, 7, 0, 5, 0, 19, 0, 14, 0, 41, 0, 13, 0, 0x38, 0x02);
    assertEquals("2019-07-19T14:41:13.568Z", BinXmlValues.render(st, 0, 16, 0x12));
    assertEquals("0A1B", BinXmlValues.render(bytes(0x0a, 0x1b), 0, 2, 0x0e));
  }

  @Test
  void arrays() {
    byte[] strings = "a\0bc\0".getBytes(StandardCharsets.UTF_16LE);
    assertEquals("a, bc", BinXmlValues.render(strings, 0, strings.length, 0x81));
    assertEquals("1, 2", BinXmlValues.render(bytes(1, 0, 2, 0), 0, 4, 0x86));
  }

  @Test
  void unknownTypesAreFormatErrors() {
    assertThrows(EvtxFormatException.class, () -> BinXmlValues.render(bytes(0), 0, 1, 0x30));
  }
}
