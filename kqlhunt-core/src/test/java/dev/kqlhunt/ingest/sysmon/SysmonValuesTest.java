package dev.kqlhunt.ingest.sysmon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SysmonValuesTest {
  @Test
  void hashesAreSplitAndLowerCased() {
    assertEquals(
        Map.of("SHA1", "ab", "MD5", "cd", "SHA256", "ef", "IMPHASH", "00"),
        SysmonValues.hashes("SHA1=AB,MD5=CD,SHA256=EF,IMPHASH=00"));
    assertEquals(Map.of(), SysmonValues.hashes("-"));
    assertEquals(Map.of("SHA256", "aa"), SysmonValues.hashes("SHA256=AA"));
  }

  @Test
  void accountsAreSplitAndLowerCased() {
    assertArrayEquals(
        new String[] {"nt authority", "system"}, SysmonValues.account("NT AUTHORITY\\SYSTEM"));
    assertArrayEquals(new String[] {null, "bob"}, SysmonValues.account("Bob"));
    assertNull(SysmonValues.account("-"));
    assertNull(SysmonValues.account(""));
  }

  @ParameterizedTest
  @CsvSource({"0x3e7,999", "0x00000000000003e7,999", "0x62f2d,405293", "12,12", "-,", "zz,"})
  void logonIdsAreHexOrDecimal(String text, Long expected) {
    assertEquals(expected, SysmonValues.hexOrDecimal(text));
  }

  @Test
  void timesInSysmonAndIsoForms() {
    assertEquals(
        Instant.parse("2019-05-18T20:35:52.569Z"), SysmonValues.instant("2019-05-18 20:35:52.569"));
    assertEquals(
        Instant.parse("2022-05-13T08:54:05.123Z"),
        SysmonValues.instant("2022-05-13T08:54:05.1230000Z"));
    assertNull(SysmonValues.instant("yesterday"));
  }

  @Test
  void productVersionDropsTheBuildLabel() {
    assertEquals(
        "10.0.17763.1", SysmonValues.productVersion("10.0.17763.1 (WinBuild.160101.0800)"));
    assertEquals("92.0.902.67", SysmonValues.productVersion("92.0.902.67"));
    assertNull(SysmonValues.productVersion("-"));
  }

  @Test
  void deviceIdIsSha1OfTheLowerCasedName() {
    // sha1("ws1") computed independently: printf ws1 | sha1sum
    assertEquals("9ae7f5c493225ace5b744bb1d3f6004008287ef0", SysmonValues.deviceId("ws1"));
  }

  @Test
  void baseNames() {
    assertEquals("cmd.exe", SysmonValues.baseName("C:\\Windows\\System32\\cmd.exe"));
    assertEquals("<unknown process>", SysmonValues.baseName("<unknown process>"));
    assertNull(SysmonValues.baseName("-"));
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1,Loopback",
    "10.1.2.3,Private",
    "172.31.0.1,Private",
    "172.32.0.1,Public",
    "192.168.1.1,Private",
    "169.254.169.254,LinkLocal",
    "255.255.255.255,Broadcast",
    "224.0.0.251,Reserved",
    "8.8.8.8,Public",
    "::1,Loopback",
    "fe80::1%12,LinkLocal",
    "fd00::1,Private",
    "2001:0:5ef5:79fd::1,Teredo",
    "::ffff:10.0.0.1,FourToSixMapping",
    "2a00:1450::1,Public",
    "::,Reserved",
    "ff02::1,Reserved",
    "not-an-ip,",
    "1.2.3,",
    "999.1.1.1,"
  })
  void ipTypes(String ip, String expected) {
    assertEquals(expected, IpAddressType.of(ip));
  }
}
