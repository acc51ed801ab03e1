/**
 * The embedded on-disk store: per table, time-partitioned (UTC day) immutable segments of
 * dictionary-coded, bit-packed columns with per-column statistics, listed by a manifest that is
 * replaced atomically, plus a ledger of ingested files for dedup.
 *
 * <p>Formats: {@link dev.kqlhunt.store.Manifest} (directory layout, manifest, ledger) and {@link
 * dev.kqlhunt.store.SegmentFile} (segment file). Writing: {@link dev.kqlhunt.store.StoreWriter} (a
 * {@link dev.kqlhunt.ingest.RecordSink} of typed rows; one writer per store, file-locked) and {@link
 * dev.kqlhunt.store.StoreIngest} ({@code kqlhunt ingest}: one commit per input file, rejects to
 * {@code DIR/rejects/}). Reading: {@link dev.kqlhunt.store.Store} (tables, segments, time pruning) and
 * {@link dev.kqlhunt.store.SegmentReader} (columns into {@link dev.kqlhunt.exec.vector} vectors,
 * dictionary pruning); {@link dev.kqlhunt.store.StoreTables} serves the store to the executor as a
 * {@link dev.kqlhunt.exec.DataSource}, optionally pruned by time and by dictionary.
 *
 * <p>Type decisions (see {@link dev.kqlhunt.store.StoredTypes}): {@code guid} is stored as its text
 * ({@code string}), {@code decimal} as {@code real}, unknown types as {@code dynamic}; strings are
 * never null (a missing string is empty, as in Kusto); every other type keeps nulls in a bitmap.
 *
 * <p>Crash safety: a segment is invisible until a manifest lists it; a manifest is written to a
 * temporary file, forced, renamed and its directory forced. Every block and footer carries a CRC32,
 * the manifest a CRC32 of its text, so damage is detected on read ({@link
 * dev.kqlhunt.store.CorruptStoreException}), never returned as data.
 */
package dev.kqlhunt.store;
