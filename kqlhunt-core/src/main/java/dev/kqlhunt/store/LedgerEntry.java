package dev.kqlhunt.store;

import java.util.Objects;

/**
 * One input file the store has ingested, committed in the same manifest as its segments, so a file
 * is either wholly in the store and in the ledger, or in neither.
 *
 * @param sha256 lowercase hex SHA-256 of the file's bytes
 * @param bytes the file's size
 * @param name the path it was ingested from (informational; identity is hash plus size)
 * @param records records read from it
 * @param stored records stored from it
 * @param generation the manifest generation that committed it
 */
public record LedgerEntry(String sha256, long bytes, String name, long records, long stored, long generation) {
  public LedgerEntry {
    Objects.requireNonNull(sha256, "sha256 is null");
    Objects.requireNonNull(name, "name is null");
    if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("bad sha256 " + sha256);
    if (bytes < 0) throw new IllegalArgumentException("negative size");
  }

  /** The identity used for dedup: hash and size. */
  public String key() {
    return sha256 + ":" + bytes;
  }
}
