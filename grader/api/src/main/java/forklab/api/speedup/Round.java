package forklab.api.speedup;

/**
 * The timings of one round, in nanoseconds, and the CPUs the candidate kept busy.
 *
 * @param baseline the grader's sequential reference on the round's input
 * @param candidate the submission with C threads on the same input
 * @param control the submission with one thread on a fresh input of the same size, or 0 when the
 *     judge has no control run
 * @param kernelOne the calibration kernel on one thread
 * @param kernelAll the same total work of the kernel spread over C threads
 * @param cpuLow at least this many CPUs were busy on average while the candidate ran (the process's
 *     CPU time over wall time, as far as the clocks can tell), counting as one CPU what the
 *     baseline got in the same round (a whole one on a quiet machine); NaN when unknown
 * @param cpuHigh at most this many CPUs, counted the same way; NaN when unknown
 */
public record Round(
    long baseline,
    long candidate,
    long control,
    long kernelOne,
    long kernelAll,
    double cpuLow,
    double cpuHigh) {
  public Round {
    if (baseline <= 0 || candidate <= 0 || kernelOne <= 0 || kernelAll <= 0 || control < 0) {
      throw new IllegalArgumentException("timings must be positive: " + this);
    }
    if (cpuLow > cpuHigh) {
      throw new IllegalArgumentException("CPU bounds the wrong way round: " + this);
    }
  }

  /** A round without evidence of the CPUs the candidate used. */
  public Round(long baseline, long candidate, long control, long kernelOne, long kernelAll) {
    this(baseline, candidate, control, kernelOne, kernelAll, Double.NaN, Double.NaN);
  }

  /** What the machine can give right now: the kernel's speedup. */
  public double limit() {
    return (double) kernelOne / kernelAll;
  }

  /** The candidate's speedup over the baseline. */
  public double speedup() {
    return (double) baseline / candidate;
  }

  /** The candidate's speedup over its own one-thread run, or NaN without a control run. */
  public double controlSpeedup() {
    return control == 0 ? Double.NaN : (double) control / candidate;
  }

  /** The speedup the timings alone show: over the baseline and never more than over the control. */
  public double timedSpeedup() {
    return smallest(speedup(), controlSpeedup(), Double.NaN);
  }

  /**
   * The speedup that counts: over the baseline, never more than over the candidate's own one-thread
   * run (so a faster algorithm or a cache does not pass for parallelism), and never more than the
   * CPUs the candidate was seen to keep busy (so a one-thread run made slow on purpose does not
   * either: code cannot run N times faster than the grader's sequential code on fewer than N times
   * its CPUs, unless its algorithm is better, which is not parallelism).
   */
  public double effectiveSpeedup() {
    return smallest(speedup(), controlSpeedup(), cpuLow);
  }

  /** The effective speedup if the candidate kept as many CPUs busy as the clocks allow. */
  public double optimisticSpeedup() {
    return smallest(speedup(), controlSpeedup(), cpuHigh);
  }

  /**
   * Whether the candidate ran faster than even the most CPUs the clocks allow could explain: then
   * its CPUs, not its timings, set the speedup that counts, whatever the clocks' error.
   */
  public boolean cappedByCpu() {
    return timedSpeedup() > cpuHigh;
  }

  /** The effective speedup as a fraction of the limit. */
  public double fraction() {
    return effectiveSpeedup() / limit();
  }

  /** The optimistic speedup as a fraction of the limit. */
  public double optimisticFraction() {
    return optimisticSpeedup() / limit();
  }

  /** The smallest value that is not NaN; the speedup always is a number. */
  private static double smallest(double speedup, double control, double cpu) {
    double smallest = speedup;
    if (!Double.isNaN(control)) {
      smallest = Math.min(smallest, control);
    }
    if (!Double.isNaN(cpu)) {
      smallest = Math.min(smallest, cpu);
    }
    return smallest;
  }
}
