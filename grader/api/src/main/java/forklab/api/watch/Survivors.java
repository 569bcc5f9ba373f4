package forklab.api.watch;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/** The one wait both watchers share: for processes started after a snapshot to be gone. */
final class Survivors {
  private Survivors() {}

  /**
   * Polls {@code alive} until none of its pids is outside {@code before} or {@code grace} has
   * passed; returns the ones still there.
   */
  static Set<Long> after(Supplier<Set<Long>> alive, Set<Long> before, Duration grace)
      throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    Set<Long> survivors = except(alive.get(), before);
    while (!survivors.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      survivors = except(alive.get(), before);
    }
    return survivors;
  }

  /** {@code now} without {@code before}; {@code now} must be a fresh, modifiable set. */
  static Set<Long> except(Set<Long> now, Set<Long> before) {
    now.removeAll(before);
    return now;
  }
}
