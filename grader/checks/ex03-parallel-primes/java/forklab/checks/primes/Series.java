package forklab.checks.primes;

import java.util.Arrays;

/**
 * Repeated timings of one kind of run, in milliseconds.
 *
 * <p>Another program on the machine can only slow a run down, never speed it up, so the fastest
 * of several runs is the best estimate of what a run costs on a quiet machine; the speedup check
 * compares fastest runs. How far the median lies above the fastest run tells how noisy the machine
 * was while the check ran.
 */
final class Series {
  private double[] millis = new double[8];
  private int size;

  void add(double value) {
    if (size == millis.length) {
      millis = Arrays.copyOf(millis, size * 2);
    }
    millis[size++] = value;
  }

  /** The {@code index}-th run, in the order they were added. */
  double get(int index) {
    return millis[index];
  }

  int size() {
    return size;
  }

  /** The fastest run. */
  double best() {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      best = Math.min(best, millis[i]);
    }
    return best;
  }

  double median() {
    return median(Arrays.copyOf(millis, size));
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Median over fastest: about 1.0 on a quiet machine, well above on a busy one. */
  double spread() {
    return median() / best();
  }

  /** The largest spread among {@code series}. */
  static double worstSpread(Series... series) {
    double worst = 1;
    for (Series s : series) {
      worst = Math.max(worst, s.spread());
    }
    return worst;
  }
}
