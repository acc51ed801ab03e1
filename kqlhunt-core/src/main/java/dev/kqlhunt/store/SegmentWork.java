package dev.kqlhunt.store;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one job per segment on the calling thread plus, for a scan worth it, helpers from the common
 * pool (one per further core): each thread takes the next segment until none is left, and results
 * land in segment order, so the outcome does not depend on the threads. A helper that has not
 * started by the time the caller runs out of segments is not waited for; the first failure is
 * rethrown on the caller's thread.
 */
final class SegmentWork {
  /** Below this many rows in all, one thread does the whole scan (handing over costs more than it saves). */
  static final long PARALLEL_ROWS = 200_000;

  /** The job of one segment. */
  @FunctionalInterface
  interface Job<T> {
    T run(int segment) throws Exception;
  }

  private SegmentWork() {}

  /**
   * Threads of a scan that reads segments not in the cache: waiting on the disk, not the CPU
   * (system property {@code kqlhunt.store.ioThreads}, default 8).
   */
  static final int IO_THREADS = Math.max(1, Integer.getInteger("kqlhunt.store.ioThreads", 8));

  /**
   * Helpers of scans that will read from segment files: daemon threads beyond the cores, because a
   * page-cache-cold scan waits on one read at a time per thread, and reads in flight together cost
   * about as much as one.
   */
  private static final java.util.concurrent.ExecutorService IO_POOL = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "kqlhunt-segment-io");
    t.setDaemon(true);
    return t;
  });

  /** {@code job} of every segment {@code 0..count)}; {@code results[i]} is segment i's. */
  static <T> void run(int count, boolean parallel, Job<T> job, T[] results) {
    run(count, parallel, false, job, results);
  }

  /**
   * As above; {@code io}: the jobs will read segment files (nothing cached), so up to {@link
   * #IO_THREADS} threads overlap their reads, whatever the row count.
   */
  static <T> void run(int count, boolean parallel, boolean io, Job<T> job, T[] results) {
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = io ? Math.max(1, Math.min(count, Math.max(cores, IO_THREADS)))
        : parallel ? Math.max(1, Math.min(count, cores)) : 1;
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int helpers = threads - 1;
    // Each helper: 0 not started, 1 running, 2 done or abandoned by the caller.
    AtomicInteger[] states = new AtomicInteger[helpers];
    CountDownLatch done = new CountDownLatch(helpers);
    for (int h = 0; h < helpers; h++) {
      AtomicInteger state = new AtomicInteger();
      states[h] = state;
      (io ? IO_POOL : ForkJoinPool.commonPool()).execute(() -> {
        if (!state.compareAndSet(0, 1)) return;
        try {
          drain(next, count, job, results, failure);
        } finally {
          state.set(2);
          done.countDown();
        }
      });
    }
    drain(next, count, job, results, failure);
    for (AtomicInteger state : states) {
      if (state.compareAndSet(0, 2)) done.countDown(); // never started: nothing to wait for
    }
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scanning segments", e);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) throw r;
    if (t instanceof Error e) throw e;
    if (t instanceof java.io.IOException x) throw new java.io.UncheckedIOException(x);
    if (t != null) throw new IllegalStateException(t);
  }

  private static <T> void drain(AtomicInteger next, int count, Job<T> job, T[] results, AtomicReference<Throwable> failure) {
    for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
      try {
        results[i] = job.run(i);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }
  }
}
