package forklab.api.speedup;

/**
 * The timings of one round, in nanoseconds.
 *
 * @param baseline the grader's sequential reference on the round's input
 * @param candidate the submission with C threads on the same input
 * @param control the submission with one thread on a fresh input of the same size, or 0 when the
 *     judge has no control run
 * @param kernelOne the calibration kernel on one thread
 * @param kernelAll the same total work of the kernel spread over C threads
 */
public record Round(long baseline, long candidate, long control, long kernelOne, long kernelAll) {
  public Round {
    if (baseline <= 0 || candidate <= 0 || kernelOne <= 0 || kernelAll <= 0 || control < 0) {
      throw new IllegalArgumentException("timings must be positive: " + this);
    }
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

  /**
   * The speedup that counts: over the baseline, and never more than over the candidate's own
   * one-thread run, so a faster algorithm or a cache does not pass for parallelism.
   */
  public double effectiveSpeedup() {
    double control = controlSpeedup();
    return Double.isNaN(control) ? speedup() : Math.min(speedup(), control);
  }

  /** The effective speedup as a fraction of the limit. */
  public double fraction() {
    return effectiveSpeedup() / limit();
  }
}
