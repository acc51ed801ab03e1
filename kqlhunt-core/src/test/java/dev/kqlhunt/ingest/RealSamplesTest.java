package dev.kqlhunt.ingest;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.TableSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ingests the real samples of {@code ../shared/data/real/} and checks the counts their READMEs
 * document. Fails (does not skip) when ../shared is missing.
 */
@Tag("conformance")
class RealSamplesTest {
  private static final Path SHARED =
      Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"));

  private static Path shared(String relative) {
    Path p = SHARED.resolve(relative);
    assertTrue(Files.exists(p), "missing shared file " + p + " (set -Dkqlhunt.shared)");
    return p;
  }

  /** The Device* schemas of ../shared/schemas, read with the project's JSON reader. */
  static SchemaLookup sharedSchemas() throws IOException {
    List<TableSchema> schemas = new ArrayList<>();
    try (Stream<Path> files = Files.list(shared("schemas"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        Map<?, ?> doc = (Map<?, ?>) Json.parse(Files.readString(f));
        List<ColumnSymbol> cols = new ArrayList<>();
        for (Object c : (List<?>) doc.get("columns")) {
          Map<?, ?> m = (Map<?, ?>) c;
          cols.add(new ColumnSymbol((String) m.get("name"), ScalarType.fromName((String) m.get("type"))));
        }
        schemas.add(new TableSchema((String) doc.get("table"), cols));
      }
    }
    assertEquals(10, schemas.size());
    return SchemaLookup.of(schemas);
  }

  @Test
  void dafnebPortalCsvExportHas26Rows() throws IOException {
    Path csv = shared("data/real/dafneb-defender-hunting/advanced_hunting_test.csv");
    ReadOptions options = ReadOptions.defaults(sharedSchemas()).withTable("DeviceEvents");
    CollectingSink sink = new CollectingSink();
    ReadSummary s = new Ingestor(ReaderRegistry.withDefaults(), options).ingest(csv, sink);
    assertEquals(26, s.read());
    assertEquals(26, s.stored(), () -> sink.rejects().toString());
    assertEquals(0, s.rejected());
    assertTrue(s.reconciles());
    Map<String, Object> first = sink.rows().get(0).values();
    assertEquals(Instant.parse("2023-10-18T14:37:28.2012261Z"), first.get("Timestamp"));
    assertEquals("AntivirusScanCompleted", first.get("ActionType"));
    assertEquals(7212L, first.get("InitiatingProcessId"));
    // DeviceEvents.AdditionalFields is a string column in the Defender schema: the JSON text stays.
    assertEquals("NT AUTHORITY", ((Map<?, ?>) Json.parse((String) first.get("AdditionalFields"))).get("Domain"));
    List<String> actions = sink.rows().stream().map(r -> (String) r.values().get("ActionType")).toList();
    assertEquals(26, actions.stream().distinct().count(), "one row per ActionType");
    Map<String, Object> dns =
        sink.rows().stream()
            .filter(r -> "DnsConnectionInspected".equals(r.values().get("ActionType")))
            .findFirst()
            .orElseThrow()
            .values();
    assertTrue(((Map<?, ?>) Json.parse((String) dns.get("AdditionalFields"))).containsKey("query"));
    // Columns of the union that DeviceEvents lacks are kept and named in one warning.
    assertEquals(1, sink.warnings().size(), () -> sink.warnings().toString());
    assertEquals(IngestCode.EXTRA_COLUMNS, sink.warnings().get(0).code());
    System.out.println("dafneb: " + s + " " + sink.warnings().get(0).reason());
  }

  @Test
  void otrfMicrosoft365DefenderUnionExportHas9Rows() throws IOException {
    Path zip = shared("data/real/otrf-security-datasets/Microsoft365DefenderEvents.Zip");
    CollectingSink sink = new CollectingSink();
    ReadSummary s =
        new Ingestor(ReaderRegistry.withDefaults(), ReadOptions.defaults(sharedSchemas())).ingest(zip, sink);
    assertEquals(9, s.read());
    assertEquals(Map.of("Microsoft365DefenderEvents", 9L), s.storedByTable());
    assertTrue(s.reconciles());
    assertEquals(IngestCode.UNKNOWN_TABLE_SCHEMA, sink.warnings().get(0).code());
    Map<String, Object> first = sink.rows().get(0).values();
    assertEquals("adfs01.simulandlabs.com", first.get("DeviceName"));
    assertEquals(113597L, first.get("ReportId_long"));
    assertInstanceOf(String.class, first.get("AdditionalFields_string"));
    long ldap = sink.rows().stream().filter(r -> "LdapSearch".equals(r.values().get("ActionType"))).count();
    assertEquals(5, ldap);
    assertTrue(sink.rows().get(0).origin().source().endsWith("Microsoft365DefenderEvents.Zip!/Microsoft365DefenderEvents.json"));
  }

  /** The union mixes MDE rows (numeric ReportId) with MDI rows (text ReportId): a real type conflict. */
  @Test
  void otrfUnionExportAsDeviceEventsRejectsTheTextReportIds() throws IOException {
    Path zip = shared("data/real/otrf-security-datasets/Microsoft365DefenderEvents.Zip");
    CollectingSink sink = new CollectingSink();
    ReadOptions options = ReadOptions.defaults(sharedSchemas()).withTable("DeviceEvents");
    ReadSummary s = new Ingestor(ReaderRegistry.withDefaults(), options).ingest(zip, sink);
    assertEquals(9, s.read());
    assertEquals(5, s.stored());
    assertEquals(4, s.rejected());
    assertTrue(s.reconciles());
    for (Reject r : sink.rejects()) {
      assertEquals(IngestCode.BAD_VALUE, r.code());
      assertTrue(r.reason().startsWith("column 'ReportId' of type long: cannot convert \""), r.reason());
    }
    assertEquals(List.of(6L, 7L, 8L, 9L), sink.rejects().stream().map(r -> r.origin().line()).toList());
    assertEquals(Instant.parse("2021-08-02T13:11:39.7724491Z"), sink.rows().get(0).values().get("Timestamp"));
    assertEquals(5692L, sink.rows().get(0).values().get("InitiatingProcessId"));
  }
}
