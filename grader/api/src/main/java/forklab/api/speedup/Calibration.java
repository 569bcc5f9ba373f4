package forklab.api.speedup;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine's parallelism measured in a clean JVM, before any student class is loaded. The
 * runner takes it at start for exercises that ask for it; the judge compares it with what it
 * measures later, so that code which burns CPU between its own runs cannot slow the baseline and
 * the calibration down unnoticed.
 *
 * @param threads the CPUs measured on
 * @param nanosPerIteration the kernel's speed on one thread
 * @param limit the kernel's speedup on {@code threads} threads
 */
public record Calibration(int threads, double nanosPerIteration, double limit) {
  static final String PROPERTY = "forklab.calibration";
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

  /** Makes this calibration visible to the checks of this JVM. */
  public void publishToSystemProperties() {
    System.setProperty(PROPERTY, String.format(Locale.ROOT, "%d;%.6f;%.4f", threads, nanosPerIteration, limit));
  }

  /** The calibration the runner took at start, if it took one. */
  public static Optional<Calibration> atStart() {
    String value = System.getProperty(PROPERTY);
    if (value == null) {
      return Optional.empty();
    }
    try {
      String[] parts = value.split(";");
      return Optional.of(new Calibration(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }
}
