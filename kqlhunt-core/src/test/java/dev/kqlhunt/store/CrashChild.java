package dev.kqlhunt.store;

import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReaderRegistry;
import java.nio.file.Path;
import java.util.List;

/** The child process of {@link CrashSafetyTest}: ingests {@code args[1]} into the store {@code args[0]},
 * committing every {@code args[2]} rows. */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    System.out.println("ready");
    System.out.flush();
    ReadOptions read = ReadOptions.defaults(StoreFixtures.defender());
    IngestReport r = StoreIngest.run(Path.of(args[0]), List.of(Path.of(args[1])),
        new StoreIngest.Options(read, false, -1, Long.parseLong(args[2])), ReaderRegistry.withDefaults(), null);
    System.out.println("ingested " + r.files() + " files, " + r.records().stored() + " rows");
  }
}
