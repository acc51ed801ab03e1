package dev.kqlhunt.ingest;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.ingest.sysmon.SysmonReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole pipeline on the OTRF archives: archive expansion, format detection, the Sysmon readers
 * registered through {@link ReaderRegistry}, typing and counting. Event counts are the README's.
 */
@Tag("conformance")
class SysmonIntegrationTest {
  @ParameterizedTest
  @CsvSource({
    "schtask_create.zip, 1041",
    "psh_control_panel_execution.zip, 1291",
    "empire_enable_rdp.tar.gz, 2668",
    "sysmon_log4shell_cve2021_44228_java_serialized_object.zip, 487",
  })
  void otrfArchivesAreDetectedReadAndReconciled(String file, long events) throws IOException {
    Path shared = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"));
    Path archive = shared.resolve("data/real/otrf-security-datasets").resolve(file);
    assertTrue(Files.exists(archive), "missing shared file " + archive);
    ReaderRegistry registry = SysmonReaders.registerAll(ReaderRegistry.withDefaults());
    CountingSink sink = new CountingSink(new CollectingSink());
    ReadSummary s =
        new Ingestor(registry, ReadOptions.defaults(RealSamplesTest.sharedSchemas())).ingest(archive, sink);
    assertEquals(events, s.read(), s::toString);
    assertTrue(s.reconciles(), s::toString);
    assertTrue(s.stored() > 0, s::toString);
    System.out.println(file + ": " + s);
  }
}
