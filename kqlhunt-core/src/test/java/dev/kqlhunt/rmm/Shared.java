package dev.kqlhunt.rmm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared for tests that read it; a missing folder fails the test (it never skips). */
public final class Shared {
  private Shared() {}

  public static Path root() {
    Path p = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared")).normalize();
    assertTrue(Files.isDirectory(p.resolve("rmm")), "shared corpus missing at " + p + " (-Dkqlhunt.shared)");
    return p;
  }

  /** The published Remote Desktop Plus hunting rule (the seed rule in strict YAML). */
  public static Path seedRule() {
    return root()
        .resolve("corpus/sentinel/Hunting Queries/Microsoft 365 Defender/RemoteManagementMonitoring/")
        .resolve("rmm_RemoteDesktopPlus_createproc.yaml");
  }
}
