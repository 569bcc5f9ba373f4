package forklab.checks.buffer;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * One call made on a thread of its own, so that a check can see it block, interrupt it, and wait
 * for it with a time limit. The thread is a daemon: a call that never returns does not keep the
 * check JVM alive.
 */
final class Caller<R> {
  private final Thread thread;
  private final long started = System.nanoTime();
  private volatile R result;
  private volatile Throwable thrown;
  private volatile long ended;

  private Caller(String name, Callable<R> call, boolean interruptedFirst) {
    thread =
        Thread.ofPlatform()
            .name("forklab-" + name)
            .daemon(true)
            .unstarted(
                () -> {
                  if (interruptedFirst) {
                    Thread.currentThread().interrupt();
                  }
                  try {
                    result = call.call();
                  } catch (Throwable e) {
                    thrown = e;
                  } finally {
                    ended = System.nanoTime();
                  }
                });
    thread.start();
  }

  /** Starts {@code call} on a new thread named {@code name}. */
  static <R> Caller<R> start(String name, Callable<R> call) {
    return new Caller<>(name, call, false);
  }

  /** Starts {@code call} on a new thread whose interrupt flag is set before it calls. */
  static <R> Caller<R> startInterrupted(String name, Callable<R> call) {
    return new Caller<>(name, call, true);
  }

  /** Waits up to {@code limit} for the call to end; true when it did. */
  boolean endsWithin(Duration limit) throws InterruptedException {
    thread.join(limit);
    return !thread.isAlive();
  }

  /** Whether the call is still running after {@code wait}: it blocks. */
  boolean stillBlockedAfter(Duration wait) throws InterruptedException {
    return !endsWithin(wait);
  }

  void interrupt() {
    thread.interrupt();
  }

  Thread thread() {
    return thread;
  }

  R result() {
    return result;
  }

  Throwable thrown() {
    return thrown;
  }

  /** From the start of the thread to the end of the call, in milliseconds. */
  long millis() {
    return (ended - started) / 1_000_000;
  }

  /** What the call did, for feedback: "returned 3", "threw ...", or "has not returned". */
  String outcome() {
    if (thread.isAlive()) {
      return "has not returned";
    }
    return thrown != null ? "threw " + thrown : "returned " + result;
  }
}
