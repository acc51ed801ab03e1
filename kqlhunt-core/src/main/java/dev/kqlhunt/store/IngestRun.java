package dev.kqlhunt.store;

import dev.kqlhunt.ingest.Ingestor;
import dev.kqlhunt.ingest.JsonLinesRange;
import dev.kqlhunt.ingest.ReaderRegistry;
import dev.kqlhunt.ingest.ReadSummary;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.RejectLimit;
import dev.kqlhunt.ingest.RejectLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The state of one {@link StoreIngest#run}: the open group, totals, reject logs. Single-threaded. */
final class IngestRun implements AutoCloseable {
  private final Path dir;
  private final StoreWriter writer;
  private final Ingestor ingestor;
  private final StoreIngest.Options options;
  private final String stamp;
  private final PipelinedSink pipeline;
  private final ReaderRegistry readers;
  private final long parallelMinBytes;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kqlhunt-store-reader");
    t.setDaemon(true);
    return t;
  });
  private final ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kqlhunt-store-hash");
    t.setDaemon(true);
    return t;
  });

  private final List<LedgerEntry> groupLedger = new ArrayList<>();
  private final Set<String> groupKeys = new HashSet<>();
  private final Set<Long> groupSizes = new HashSet<>();
  private ReadSummary group = ReadSummary.EMPTY;
  private ReadSummary committed = ReadSummary.EMPTY;
  private long committedFiles;
  private long duplicates;
  private long rejectsSoFar;
  private final List<Path> rejectFiles = new ArrayList<>();
  private String failure;

  IngestRun(Path dir, StoreWriter writer, ReaderRegistry readers, StoreIngest.Options options, String stamp,
      long parallelMinBytes) {
    this.dir = dir;
    this.readers = readers;
    this.parallelMinBytes = parallelMinBytes;
    Ingestor ingestor = new Ingestor(readers, options.read());
    this.writer = writer;
    this.ingestor = ingestor;
    this.options = options;
    this.stamp = stamp;
    this.pipeline = new PipelinedSink(writer);
  }

  String failure() {
    return failure;
  }

  /** Ingests one file into the open group; returns null when it was skipped as a duplicate. */
  ReadSummary ingest(Path file, boolean last) throws IOException {
    long size = Files.size(file);
    Future<String> sha;
    if (!options.force() && (writer.hasSize(size) || groupSizes.contains(size))) {
      String known = StoreIngest.sha256(file);
      if (writer.ingested(known, size) || groupKeys.contains(known + ":" + size)) {
        duplicates++;
        return null;
      }
      sha = CompletableFuture.completedFuture(known);
    } else {
      sha = hasher.submit(() -> StoreIngest.sha256(file));
    }
    RejectFile log = new RejectFile(dir.resolve("rejects")
        .resolve(stamp + "-" + StoreIngest.safeFileName(file) + ".jsonl"));
    JsonLinesRange.Plan plan;
    try {
      plan = JsonLinesRange.plan(file, options.read(), readers);
    } catch (IOException e) {
      plan = null; // the general path reports an unreadable file as a reject
    }
    if (plan != null && !writer.acceptsDecoded(plan.table(), plan.schema())) plan = null;
    // The fast path stores rows on this thread: rows still in the pipeline must reach the writer first.
    if (plan != null) pipeline.drain();
    RecordSink sink = new RejectLog(log, plan != null ? writer : pipeline);
    if (options.maxRejects() >= 0) sink = new RejectLimit(Math.max(0, options.maxRejects() - rejectsSoFar), sink);
    ReadSummary s;
    try {
      if (plan != null) {
        s = ParallelJsonFile.ingest(plan, options.read(), writer, sink, worker, parallelMinBytes);
      } else {
        s = ingestor.ingest(file, sink);
      }
      pipeline.drain();
    } catch (RejectLimit.TooManyRejects e) {
      pipeline.drain();
      writer.rollback();
      failure = "more than " + options.maxRejects() + " rejected records (the last in " + file + ")";
      discardGroup();
      return ReadSummary.EMPTY;
    } finally {
      log.close();
      if (log.created() && !rejectFiles.contains(log.path())) rejectFiles.add(log.path());
    }
    String hash = hashOf(sha);
    groupLedger.add(new LedgerEntry(hash, size, file.toString(), s.read(), s.stored(), 0));
    groupKeys.add(hash + ":" + size);
    groupSizes.add(size);
    group = group.plus(s);
    rejectsSoFar += s.rejected();
    if (last || group.stored() >= options.groupRows() || group.bytes() >= StoreIngest.GROUP_BYTES) {
      commitGroup();
    }
    return s;
  }

  /** Commits the open group (no-op when it is empty or the run failed). */
  void commitGroup() throws IOException {
    if (failure != null || groupLedger.isEmpty()) return;
    pipeline.drain();
    writer.commit(groupLedger);
    committed = committed.plus(group);
    committedFiles += groupLedger.size();
    discardGroup();
  }

  private void discardGroup() {
    groupLedger.clear();
    groupKeys.clear();
    groupSizes.clear();
    group = ReadSummary.EMPTY;
  }

  IngestReport report(long nanos) {
    return new IngestReport(committedFiles, duplicates, committed, writer.coercedValues(), rejectFiles,
        failure, nanos);
  }

  private static String hashOf(Future<String> sha) throws IOException {
    try {
      return sha.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while hashing");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      throw new IllegalStateException("hashing failed", e.getCause());
    }
  }

  @Override
  public void close() {
    pipeline.close();
    hasher.shutdownNow();
    worker.shutdownNow();
  }
}
