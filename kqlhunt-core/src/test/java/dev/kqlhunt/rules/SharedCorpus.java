package dev.kqlhunt.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared for conformance tests; a missing directory fails the test instead of skipping it. */
final class SharedCorpus {
  private SharedCorpus() {}

  static Path root() {
    Path root = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"));
    assertTrue(Files.isDirectory(root), "../shared not found at " + root + " (set -Dkqlhunt.shared)");
    return root;
  }

  static Path sentinel() {
    Path dir = root().resolve("corpus/sentinel");
    assertTrue(Files.isDirectory(dir), "Sentinel corpus missing at " + dir);
    return dir;
  }

  static Path seedRule() {
    return sentinel().resolve(
        "Hunting Queries/Microsoft 365 Defender/RemoteManagementMonitoring/rmm_RemoteDesktopPlus_createproc.yaml");
  }

  static Path malformedSeedCopy() {
    return root().resolve("rmm/jischell/RMM/RemoteDesktopPlus/rmm_RemoteDesktopPlus_createproc.yaml");
  }
}
