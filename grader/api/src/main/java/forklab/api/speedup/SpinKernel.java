package forklab.api.speedup;

import java.util.HashSet;
import java.util.Set;

/**
 * A perfectly parallel kernel: independent integer arithmetic with no memory traffic and no
 * sharing. Its speedup on C threads is the most any code can get on these CPUs right now.
 */
final class SpinKernel {
  private static volatile long sink;

  /** Test hook: hears when a run on several threads starts and ends. */
  interface Listener {
    default void started() {}

    default void ended() {}
  }

  /** The listener of the tests that play a student who detects the kernel; none otherwise. */
  static volatile Listener listener = new Listener() {};

  /**
   * One run on several threads.
   *
   * @param nanos the wall time from the first start to the last join
   * @param workersCpu the CPU time the workers used, each read by the worker itself at its end
   * @param workers the workers' thread ids
   */
  record Run(long nanos, long workersCpu, Set<Long> workers) {}

  private SpinKernel() {}

  /**
   * Spins {@code iterations} steps of xorshift and returns the state, so none is optimized away.
   */
  static long spin(long iterations) {
    long x = 0x9E3779B97F4A7C15L ^ iterations;
    for (long i = 0; i < iterations; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
    }
    return x;
  }

  /** Wall nanoseconds for {@code iterations} steps on the calling thread. */
  static long timeOne(long iterations) {
    long start = System.nanoTime();
    sink += spin(iterations);
    return System.nanoTime() - start;
  }

  /**
   * Wall nanoseconds for {@code iterations} steps split evenly over {@code threads} new threads.
   */
  static long timeAll(long iterations, int threads) throws InterruptedException {
    return runAll(iterations, threads).nanos();
  }

  /**
   * {@code iterations} steps split evenly over {@code threads} new threads. The threads get the
   * JVM's default names, like any unnamed thread of a submission's, so that code which looks for
   * the kernel by name finds nothing to tell it apart.
   */
  static Run runAll(long iterations, int threads) throws InterruptedException {
    long each = iterations / threads;
    long[] cpu = new long[threads];
    Thread[] workers = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      int slot = i;
      workers[i] =
          new Thread(
              () -> {
                sink += spin(each);
                cpu[slot] = Clocks.currentThread();
              });
    }
    Listener told = listener;
    told.started();
    long start = System.nanoTime();
    for (Thread worker : workers) {
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long nanos = System.nanoTime() - start;
    told.ended();
    long total = 0;
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < threads; i++) {
      total += cpu[i];
      ids.add(workers[i].threadId());
    }
    return new Run(nanos, total, ids);
  }
}
