package dev.kqlhunt.store;

import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.Reject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands accepted rows to a {@link StoreWriter} on a second thread, in batches, so parsing (the
 * reader's thread) and column encoding (this one) use two cores. Rows keep their order. Rejects,
 * skips and warnings are not forwarded: the writer ignores them.
 *
 * <p>Contract: one producer thread calls {@link #accept} and {@link #drain}; after {@link #drain}
 * returns, every row accepted before has reached the writer, so the producer may commit or roll
 * back. A failure of the writer surfaces as an unchecked exception from the next {@link #accept} or
 * {@link #drain}. {@link #close} stops the thread.
 */
final class PipelinedSink implements RecordSink, AutoCloseable {
  private static final int BATCH = 1024;
  private static final Object[] STOP = new Object[0];

  private record Row(String table, Map<String, Object> values, RecordOrigin origin) {}

  private final StoreWriter writer;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
  private final Thread consumer;
  private List<Row> batch = new ArrayList<>(BATCH);
  private volatile RuntimeException failure;

  PipelinedSink(StoreWriter writer) {
    this.writer = writer;
    this.consumer = new Thread(this::consume, "kqlhunt-store-writer");
    consumer.setDaemon(true);
    consumer.start();
  }

  @Override
  public void accept(String table, Map<String, Object> values, RecordOrigin origin) {
    batch.add(new Row(table, values, origin));
    if (batch.size() == BATCH) send();
  }

  @Override
  public void reject(Reject reject) {}

  private void send() {
    checkFailure();
    put(batch);
    batch = new ArrayList<>(BATCH);
  }

  private void put(Object item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing rows", e);
    }
  }

  /** Waits until every accepted row has reached the writer. */
  void drain() {
    if (!batch.isEmpty()) send();
    Object marker = new Object();
    put(marker);
    synchronized (this) {
      while (!drained(marker)) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while storing rows", e);
        }
      }
    }
    checkFailure();
  }

  private Object lastMarker;

  private boolean drained(Object marker) {
    return lastMarker == marker || failure != null;
  }

  private void checkFailure() {
    RuntimeException f = failure;
    if (f != null) throw f;
  }

  @SuppressWarnings("unchecked")
  private void consume() {
    while (true) {
      Object item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (item == STOP) return;
      if (item instanceof List<?> rows) {
        if (failure != null) continue;
        try {
          for (Row r : (List<Row>) rows) writer.accept(r.table(), r.values(), r.origin());
        } catch (RuntimeException | Error e) {
          // Even an OutOfMemoryError must reach the producer, or drain() would wait forever.
          failure = e instanceof RuntimeException re ? re : new IllegalStateException("store writer failed: " + e, e);
          synchronized (this) {
            notifyAll();
          }
        }
      } else {
        synchronized (this) {
          lastMarker = item;
          notifyAll();
        }
      }
    }
  }

  @Override
  public void close() {
    put(STOP);
    try {
      consumer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
