package dev.kqlhunt.ingest.sysmon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.ingest.FormatReader;
import dev.kqlhunt.ingest.InputFiles;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.SchemaLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (system property {@code kqlhunt.shared}); a missing file fails the test. */
final class SharedSamples {
  private SharedSamples() {}

  static Path shared() {
    return Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"));
  }

  static Path real(String relative) {
    Path p = shared().resolve("data/real").resolve(relative);
    assertTrue(Files.exists(p), "shared sample missing (tests need ../shared): " + p);
    return p;
  }

  /**
   * Reads every input under {@code path} (archives expanded) with {@code reader}; returns records
   * read.
   */
  static long read(Path path, FormatReader reader, RecordSink sink) throws IOException {
    long[] read = {0};
    InputFiles.forEach(
        path,
        source -> read[0] += reader.read(source, ReadOptions.defaults(SchemaLookup.NONE), sink));
    return read[0];
  }
}
