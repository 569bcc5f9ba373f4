package forklab.api.speedup;

import java.util.ArrayList;
import java.util.List;

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

  private SpinKernel() {}

  /** Spins {@code iterations} steps of xorshift and returns the state, so none is optimized away. */
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

  /** Wall nanoseconds for {@code iterations} steps split evenly over {@code threads} new threads. */
  static long timeAll(long iterations, int threads) throws InterruptedException {
    long each = iterations / threads;
    List<Thread> workers = new ArrayList<>(threads);
    Listener told = listener;
    told.started();
    long start = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      Thread worker = new Thread(() -> sink += spin(each), "forklab-kernel-" + i);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long nanos = System.nanoTime() - start;
    told.ended();
    return nanos;
  }
}
