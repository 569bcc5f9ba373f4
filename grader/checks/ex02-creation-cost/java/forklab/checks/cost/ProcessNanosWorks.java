package forklab.checks.cost;

import forklab.api.Gate;

/** The gate of the timed goal on processes: processNanos starts real child processes. */
final class ProcessNanosWorks implements Gate {
  static final int SAMPLES = 5;

  @Override
  public String method() {
    return "processNanos";
  }

  @Override
  public void check() throws InterruptedException {
    Creations.Call call = Creations.processNanos(SAMPLES, true);
    if (!(Double.isFinite(call.figure()) && call.figure() > 0)) {
      throw new AssertionError(call.call() + " returned " + call.figure() + ", not a time above 0");
    }
    if (call.processes().isPresent() && call.processes().getAsLong() < SAMPLES) {
      throw new AssertionError(
          call.call()
              + " started "
              + call.processes().getAsLong()
              + " child process(es) instead of one per sample");
    }
    if (call.processes().isEmpty() && call.childrenSeen().isEmpty()) {
      throw new AssertionError(call.call() + " started no child process the grader could see");
    }
  }
}
