package forklab.api.speedup;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The machine's parallelism measured in a clean JVM, before any student class is loaded. The runner
 * takes it at start for exercises that ask for it; the judge compares it with what it measures
 * later, so that code which burns CPU between its own runs cannot slow the baseline and the
 * calibration down unnoticed.
 *
 * @param threads the CPUs measured on
 * @param nanosPerIteration the kernel's speed on one thread
 * @param limit the kernel's speedup on {@code threads} threads
 */
public record Calibration(int threads, double nanosPerIteration, double limit) {
  private static final AtomicReference<Optional<Calibration>> AT_START = new AtomicReference<>();
  private static final long ITERATIONS = 60_000_000L;

  /** Measures now, on {@code threads} threads: best of five of each kernel. */
  public static Calibration measure(int threads) throws InterruptedException {
    long[] one = new long[5];
    long[] all = new long[5];
    SpinKernel.timeOne(ITERATIONS / 4);
    for (int i = 0; i < one.length; i++) {
      one[i] = SpinKernel.timeOne(ITERATIONS);
      all[i] = SpinKernel.timeAll(ITERATIONS, Math.max(1, threads));
    }
    long bestOne = Arrays.stream(one).min().orElseThrow();
    long bestAll = Arrays.stream(all).min().orElseThrow();
    return new Calibration(threads, (double) bestOne / ITERATIONS, (double) bestOne / bestAll);
  }

  /**
   * Fixes, once per JVM, the calibration the runner took at start (or that it took none). The
   * runner calls this before any student class loads; every later call fails, so nothing the
   * submission does can change what {@link #atStart()} answers.
   *
   * @throws IllegalStateException when it was already fixed
   */
  public static void fixAtStart(Optional<Calibration> calibration) {
    if (!AT_START.compareAndSet(null, calibration)) {
      throw new IllegalStateException("the start-up calibration is fixed once, by the runner");
    }
  }

  /** The calibration the runner took at start, if it took one (never one under Maven). */
  public static Optional<Calibration> atStart() {
    Optional<Calibration> fixed = AT_START.get();
    return fixed == null ? Optional.empty() : fixed;
  }
}
