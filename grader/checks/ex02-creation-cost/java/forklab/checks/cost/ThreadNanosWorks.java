package forklab.checks.cost;

import forklab.api.Gate;

/** The gate of the timed and architecture goals on threads: threadNanos creates real threads. */
final class ThreadNanosWorks implements Gate {
  static final int SAMPLES = 10;

  @Override
  public String method() {
    return "threadNanos";
  }

  @Override
  public void check() {
    Creations.Call call = Creations.threadNanos(SAMPLES);
    if (!(Double.isFinite(call.figure()) && call.figure() > 0)) {
      throw new AssertionError(call.call() + " returned " + call.figure() + ", not a time above 0");
    }
    if (call.threads() < SAMPLES) {
      throw new AssertionError(
          call.call()
              + " started "
              + call.threads()
              + " new platform thread(s) instead of one per sample");
    }
  }
}
