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
 * {@link dev.kqlhunt.exec.DataSource} whose {@code scan} reads only what a {@link
 * dev.kqlhunt.exec.ScanRequest} needs: segments chosen by time ranges (manifest) and by footer min/max
 * and dictionaries (a string condition no dictionary entry meets skips the segment before any code is
 * read), rows chosen over codes and values ({@code SegmentScan}), and only the requested columns of the
 * surviving rows decoded (late materialisation, {@code ScanResults}). Segment files are memory-mapped;
 * every byte used is checked first, against the CRC32 of its 4 KiB chunk ({@code CheckedBlock}), so
 * a few surviving rows read a few chunks; a selective condition on a small-dictionary string column
 * reads the postings of its matching entries instead of every row's code ({@code Postings}). Checked blocks, dictionaries and decoded code
 * arrays of columns scanned repeatedly are kept in a cache bounded by bytes ({@code BlockCache}), so a
 * repeated query opens no file and reads no block. Scans of 200,000 rows or more use every core, one
 * segment per thread at a time, results in segment order ({@code SegmentWork}). {@link
 * dev.kqlhunt.store.ReadStats} counts the blocks read, for tests and benchmarks.
 *
 * <p>Type decisions (see {@link dev.kqlhunt.store.StoredTypes}): {@code guid} is stored as its text
 * ({@code string}), {@code decimal} as {@code real}, unknown types as {@code dynamic}; strings are
 * never null (a missing string is empty, as in Kusto); every other type keeps nulls in a bitmap.
 *
 * <p>Crash safety: a segment is invisible until a manifest lists it; a manifest is written to a
 * temporary file, forced, renamed and its directory forced. Every 4 KiB chunk of a block and every footer carries a CRC32,
 * the manifest a CRC32 of its text, so damage is detected on read ({@link
 * dev.kqlhunt.store.CorruptStoreException}), never returned as data.
 */
package dev.kqlhunt.store;
