package dev.kqlhunt.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.value.XxHash64;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The math, unit, encoding, IPv6 and formatting functions, one scalar at a time. Expected values are
 * the reference pages' examples or independent facts (factorials, unit definitions, RFC test data).
 */
class FunctionLibraryTest {
  /** The printed value of {@code print r = expr}. */
  static String v(String expr) {
    QueryResult r = ExecTestSupport.run("print r = " + expr, Map.of());
    assertTrue(r.ok(), () -> ExecTestSupport.render(expr, r));
    return ResultWriter.text(r.table(), 0, 0);
  }

  static double d(String expr) {
    return Double.parseDouble(v(expr));
  }

  private static void near(double want, String expr) {
    double got = d(expr);
    assertEquals(want, got, Math.abs(want) * 1e-12 + 1e-15, expr);
  }

  @Test
  void trigonometryAndSpecialFunctions() {
    near(Math.PI / 4, "atan2(1, 1)");
    near(-Math.PI / 2, "atan2(-1, 0)");
    assertEquals("24", v("gamma(5)"));
    near(Math.sqrt(Math.PI), "gamma(0.5)");
    near(-2 * Math.sqrt(Math.PI), "gamma(-0.5)");
    near(Math.log(24), "loggamma(5)");
    near(0.842700792949715, "erf(1)");
    near(-0.999977909503001, "erf(-3)");
    assertEquals("0", v("erf(0)"));
    near(2.209049699858544e-05, "erfc(3)");
    near(0.157299207050285, "erfc(1)");
    near(Math.PI, "pi()");
    near(180, "degrees(pi())");
    near(8, "exp2(3)");
  }

  @Test
  void betaDistribution() {
    near(0.5, "beta_cdf(0.5, 2.0, 2.0)");
    near(1.5, "beta_pdf(0.5, 2.0, 2.0)");
    near(0.5, "beta_inv(0.5, 2.0, 2.0)");
    near(0.999999999999959, "beta_cdf(0.9, 10.0, 20.0)");
    near(0.746176019310951, "beta_pdf(0.5, 10.0, 20.0)");
    assertEquals(0.226415022388749, d("beta_inv(0.1, 10.0, 20.0)"), 1e-13);
    assertEquals("NaN", v("beta_cdf(1.5, 10.0, 20.0)"));
    assertEquals("NaN", v("beta_pdf(0.1, -1.0, 20.0)"));
    assertEquals("", v("beta_inv(1.5, 10.0, 20.0)"));
  }

  @Test
  void bitOperations() {
    assertEquals("7", v("binary_or(5, 3)"));
    assertEquals("2", v("binary_and(6, 3)"));
    assertEquals("6", v("binary_xor(5, 3)"));
    assertEquals("-1", v("binary_not(0)"));
    assertEquals("16", v("binary_shift_left(1, 4)"));
    assertEquals("4", v("binary_shift_right(16, 2)"));
    assertEquals("3", v("bitset_count_ones(42)"));
    assertEquals("", v("binary_or(5, long(null))"));
  }

  @Test
  void unitConversions() {
    assertEquals("72", v("convert_angle(1.2, 'Degree', 'Arcminute')"));
    assertEquals("360", v("convert_angle(1, 'Revolution', 'Degree')"));
    assertEquals("1.609344", v("convert_length(1, 'Mile', 'Kilometer')"));
    near(3.93700787401575, "convert_length(1.2, 'Meter', 'Foot')");
    assertEquals("212", v("convert_temperature(100, 'DegreeCelsius', 'DegreeFahrenheit')"));
    near(-271.95, "convert_temperature(1.2, 'Kelvin', 'DegreeCelsius')");
    assertEquals("453.59237", v("convert_mass(1, 'Pound', 'Gram')"));
    assertEquals("10", v("convert_speed(36, 'KilometerPerHour', 'MeterPerSecond')"));
    assertEquals("432000", v("convert_speed(1.2, 'MeterPerSecond', 'CentimeterPerHour')"));
    assertEquals("1000", v("convert_volume(1, 'Liter', 'Milliliter')"));
    near(0.0009728568, "convert_volume(1.2, 'CubicMeter', 'AcreFoot')");
    assertEquals("3600000", v("convert_energy(1, 'KilowattHour', 'Joule')"));
    near(0.00113738054437598, "convert_energy(1.2, 'Joule', 'BritishThermalUnit')");
    assertEquals("9.80665", v("convert_force(1, 'KilogramForce', 'Newton')"));
    assertEquals("", v("convert_force(1, 'Newton', 'Parsec')"));
  }

  @Test
  void xxHash64MatchesTheSpecAndKusto() {
    // The xxHash project's published value for empty input with seed 0.
    assertEquals(0xef46db3751d8e999L, XxHash64.hash(new byte[0]));
    byte[] longer = "The quick brown fox jumps over the lazy dog, twice or more".getBytes(StandardCharsets.UTF_8);
    assertEquals(XxHash64.hash(longer), XxHash64.hash(longer, 0, longer.length, 0));
    assertEquals("1846988464401551951", v("hash('World')"));
    assertEquals("753694413698530628", v("hash_xxhash64('Hello')"));
    assertEquals("1380966698541616202", v("hash(datetime(2015-01-01))"));
    assertEquals("1", v("hash('World', 10)"));
  }

  @Test
  void guidAndCompressionEncodings() {
    assertEquals("8jMxriJurkmwahbmqbIS6w==", v("base64_encode_fromguid(toguid('ae3133f2-6e22-49ae-b06a-16e6a9b212eb'))"));
    assertEquals("ae3133f2-6e22-49ae-b06a-16e6a9b212eb", v("base64_decode_toguid('8jMxriJurkmwahbmqbIS6w==')"));
    assertEquals("H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==",
        v("gzip_compress_to_base64_string('1234567890qwertyuiop')"));
    assertEquals("eAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw==", v("zlib_compress_to_base64_string('1234567890qwertyuiop')"));
    assertEquals("1234567890qwertyuiop",
        v("gzip_decompress_from_base64_string('H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==')"));
    assertEquals("Test string 123", v("zlib_decompress_from_base64_string('eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=')"));
    assertEquals("héllo wörld", v("gzip_decompress_from_base64_string(gzip_compress_to_base64_string('héllo wörld'))"));
    assertEquals("", v("zlib_decompress_from_base64_string('not base64!')"));
  }

  @Test
  void punycode() {
    assertEquals("acadmie-franaise-npb1a", v("punycode_from_string('académie-française')"));
    assertEquals("cqv902d", v("punycode_from_string('艺术')"));
    assertEquals("académie-française", v("punycode_to_string('acadmie-franaise-npb1a')"));
    assertEquals("Rúyì.Jīngū.Bàng.com", v("punycode_domain_from_string('xn--Ry-lja8c.xn--Jng-uta63a.xn--Bng-9ka.com')"));
    assertEquals("xn--cqv902d.com", v("punycode_domain_to_string('艺术.com')"));
  }

  @Test
  void ipv6Functions() {
    assertEquals("0000:0000:0000:0000:0000:ffff:c0a8:ff00", v("parse_ipv6('192.168.255.255/24')"));
    assertEquals("fe80:0000:0000:0000:085d:e82c:9446:7994", v("parse_ipv6('fe80::85d:e82c:9446:7994')"));
    assertEquals("fe80:0000:0000:0000:085d:e82c:9446:7900", v("parse_ipv6_mask('fe80::85d:e82c:9446:7994', 120)"));
    assertEquals("", v("parse_ipv6('fe80::1::2')"));
    assertEquals("0", v("ipv6_compare('192.168.1.1', '::ffff:c0a8:0101')"));
    assertEquals("-1", v("ipv6_compare('fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7998')"));
    assertEquals("0", v("ipv6_compare('fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998')"));
    assertEquals("true", v("ipv6_is_match('192.168.1.1/24', '::ffff:c0a8:01ff')"));
    assertEquals("true", v("ipv6_is_in_range('a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', 'a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112')"));
    assertEquals("false", v("ipv6_is_in_range('a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', '0:0:0:0:0:ffff:c0a8:ac/60')"));
    assertEquals("true", v("ipv6_is_in_any_range('a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', dynamic(['::1', 'a5e:f127:8a9d:146d:e102:b5d3:c755:0/112']))"));
    assertEquals("true", v("ipv4_is_match('192.168.1.1/24', '192.168.1.255')"));
    assertEquals("false", v("ipv4_is_match('192.168.1.1', '192.168.1.255')"));
    assertEquals("24", v("ipv4_netmask_suffix('192.168.1.1/24')"));
    assertEquals("32", v("ipv4_netmask_suffix('10.1.2.3')"));
    assertEquals("[\"1.1.128.0/21\",\"1.1.136.0/22\",\"1.1.140.0/24\"]", v("ipv4_range_to_cidr_list('1.1.128.0', '1.1.140.255')"));
    assertEquals("[\"0.0.0.0/0\"]", v("ipv4_range_to_cidr_list('0.0.0.0', '255.255.255.255')"));
  }

  @Test
  void formattingAndParsing() {
    assertEquals("564 Bytes", v("format_bytes(564)"));
    assertEquals("10.1 KB", v("format_bytes(10332, 1)"));
    assertEquals("19.08 MB", v("format_bytes(20010332, 2)"));
    assertEquals("19541 KB", v("format_bytes(20010332, 0, 'KB')"));
    assertEquals("029.9:00:05 [1234500]", v("format_timespan(time(29.09:00:05.12345), 'ddd.h:mm:ss [fffffff]')"));
    // Decimals are stored as reals, so only the leading ~16 digits of a version compare (see EXECUTION.md).
    assertEquals("true", v("parse_version('1.3') > parse_version('1.2.3')"));
    assertEquals("true", v("parse_version('0.0.7.0') > parse_version('0.0.0.5')"));
    assertEquals("true", v("parse_version('0.2') < parse_version('1')"));
    assertEquals("", v("parse_version('1.2.3.4.5')"));
    assertEquals("{\"Scheme\":\"file\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:/temp\",\"DirectoryName\":\"temp\","
        + "\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"some.exe\"}",
        v("parse_path('file://C:/temp/file.txt:some.exe')"));
    assertEquals("{\"Query Parameters\":{\"k1\":\"v 1\",\"k2\":\"v2\"}}", v("parse_urlquery('k1=v%201&k2=v2')"));
    assertEquals("3", v("indexof_regex('abcabcdefg', @'a.c', 0, 9, 2)"));
    assertEquals("-1", v("indexof_regex('ababaa', @'a.a', 0, -1, 2)"));
    assertEquals("", v("indexof_regex('abcabc', @'a|ab', -1)"));
    assertEquals("{\"a\":1,\"b\":{\"c\":2,\"d\":[1]}}", v("dynamic_to_json(dynamic({'b':{'d':[1],'c':2},'a':1}))"));
    assertEquals("[[1,2],[3,4,5]]", v("array_split(dynamic([1,2,3,4,5]), 2)"));
    assertEquals("[[1],[2,3],[4,5]]", v("array_split(dynamic([1,2,3,4,5]), dynamic([1,3]))"));
    assertEquals("0.75", v("jaccard_index(dynamic([1,2,3]), dynamic([1,2,3,4]))"));
  }

  @Test
  void fixedFunctionSemantics() {
    assertEquals("9", v("indexof('abcdefgabcdefg', 'cde', 1, 10, 2)"));
    assertEquals("-1", v("indexof('abcdefg', 'cde', 1, 2)"));
    assertEquals("4", v("array_index_of(dynamic(['this','is','an','example','an']), 'an', 1, -1, 2)"));
    assertEquals("-1", v("array_index_of(dynamic(['this','is','an','example','an']), 'example', 1, 2)"));
    assertEquals("4", v("array_index_of(dynamic(['this','is','an','example','an']), 'an', -2)"));
    assertEquals("false", v("has_ipv4_prefix('05:04:54 127.0.0.1 GET', '127.0')"));
    assertEquals("true", v("has_ipv4_prefix('05:04:54 127.0.0.1 GET', '127.0.')"));
    assertEquals("[\"record1\",\"a\"]", v("parse_csv('record1,a\\nrecord2,x')"));
    assertEquals("true", v("bag_has_key(dynamic({'k':{'p':1}}), '$.k.p')"));
    assertEquals("false", v("bag_has_key(dynamic({'k':{'p':1}}), '$.k.q')"));
    assertEquals("{\"k\":{\"q\":2}}", v("bag_remove_keys(dynamic({'k':{'p':1,'q':2},'z':3}), dynamic(['$.k.p','z']))"));
    assertEquals("[null,\"b\",\"a\"]", v("array_sort_desc(dynamic(['a',null,'b']), false)"));
    assertEquals("[\"y\",\"z\",\"x\"]", v("array_sort_asc(dynamic([3,1,2]), dynamic(['x','y','z']))[1]"));
    assertEquals("https%3a%2f%2fa.com%2fb+c", v("url_encode('https://a.com/b c')"));
    assertEquals("b%20c", v("url_encode_component('b c')"));
  }

  @Test
  void assertFailsTheQueryWithItsMessage() {
    assertEquals("true", v("assert(1 < 2, 'fine')"));
    QueryResult r = ExecTestSupport.run("print assert(1 > 2, 'one is not above two')", Map.of());
    assertFalse(r.ok());
    assertTrue(r.diagnostics().stream().anyMatch(x -> x.message().contains("one is not above two")));
  }

  @Test
  void xmlAndAssortedFunctions() {
    assertEquals("{\"e\":{\"@name\":\"v\",\"#text\":\"t\"}}", v("parse_xml('<e name=\"v\">t</e>')"));
    assertEquals("{\"e\":{\"a\":[\"x\",\"y\"],\"b\":null}}", v("parse_xml('<e><a>x</a><a>y</a><b/></e>')"));
    assertEquals("", v("parse_xml('<e>')"));
    assertEquals("", v("parse_xml('<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><e>&x;</e>')"));
    assertEquals("53", v("week_of_year(datetime(2021-01-01))"));
    assertEquals("1", v("week_of_year(datetime(2024-01-01))"));
    assertEquals("2024-06-01T02:00:00.0000000Z", v("datetime_utc_to_local(datetime(2024-06-01 00:00), 'Europe/Paris')"));
    assertEquals("2024-06-01T00:00:00.0000000Z", v("datetime_local_to_utc(datetime(2024-06-01 02:00), 'Europe/Paris')"));
    assertEquals("ab,ab,ab", v("strrep('ab', 3, ',')"));
    assertEquals("[104,195,169]", v("to_utf8('hé')"));
    assertEquals("a\\.b\\*", v("regex_quote('a.b*')"));
    assertEquals("Hello, world", v("translate('abc', 'x', 'Hello, world')"));
    assertEquals("xbc", v("translate('a', 'x', 'abc')"));
    assertEquals("[[1,\"a\"],[2,null]]", v("zip(dynamic([1,2]), dynamic(['a']))"));
    assertEquals("true", v("set_equals(dynamic([1,2,2]), dynamic([2,1]))"));
    assertEquals("{\"a\":{\"b\":1}}", v("bag_set_key(dynamic({}), '$.a.b', 1)"));
    assertEquals("[\"$.a\",\"$.a[0]\",\"$.a[0].b\"]", v("treepath(dynamic({'a':[{'b':1}]}))"));
    assertEquals("1", v("has_any_index('this is an example', dynamic(['not', 'example']))"));
    assertEquals("He said Bye", v("replace_strings('He said Hi', dynamic(['Hi', 'He said']), dynamic(['Bye', 'He said']))"));
    assertEquals("true", v("around(1.5, 1, 0.5)"));
    assertEquals("36", v("strlen(tostring(new_guid()))"));
    assertEquals("3", v("array_length(repeat(7, 3))"));
  }
}
