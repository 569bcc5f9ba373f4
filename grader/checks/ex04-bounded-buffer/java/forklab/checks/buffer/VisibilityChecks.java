package forklab.checks.buffer;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.buffer.BoundedBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * size() must see what other threads put. A thread loops on size() while another puts one item:
 * read under the lock (or from a volatile), the loop sees it at once; read from a plain field, the
 * compiled loop may keep the first value it read and never see the item. The loop is bounded so
 * that it always ends; a correct size() ends it within microseconds of the put.
 */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class VisibilityChecks {
  /** Long enough for the loop to be compiled before the put. */
  private static final Duration BEFORE_PUT = Duration.ofMillis(500);

  /**
   * Calls of size() the loop may make. At a few ns each, far more than fit before the put: a loop
   * that ends without seeing the item did not read the count afresh.
   */
  private static final long SPINS = 4_000_000_000L;

  private static final int ATTEMPTS = 3;

  @Test
  @Check(goal = Goal.CONCURRENCY, points = 1, name = "size() sees what other threads put")
  @Gated(BufferWorks.class)
  void sizeSeesOtherThreadsPuts() throws InterruptedException {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      BoundedBuffer<Integer> buffer = new BoundedBuffer<>(4);
      long[] spun = new long[1];
      int[] seen = new int[1];
      Caller<Void> watcher =
          Caller.start(
              "size-watcher",
              () -> {
                long calls = 0;
                int size = 0;
                while (calls < SPINS && (size = buffer.size()) == 0) {
                  calls++;
                }
                spun[0] = calls;
                seen[0] = size;
                return null;
              });
      Thread.sleep(BEFORE_PUT);
      boolean endedBeforePut = !watcher.thread().isAlive();
      long putAt = System.nanoTime();
      buffer.put(attempt);
      boolean ended = watcher.endsWithin(Duration.ofSeconds(20));
      long millis = (System.nanoTime() - putAt) / 1_000_000;
      Feedback.of("a thread that calls size() in a loop must see an item another thread put")
          .measured(
              ended
                  ? "the loop saw size() = " + seen[0] + " after " + spun[0] + " calls, "
                      + (endedBeforePut ? "and ended before the put" : millis + " ms after the put")
                  : "the loop had not seen the item 20 s after the put")
          .required("size() = 1 within moments of the put (attempt " + attempt + " of " + ATTEMPTS + ")")
          .tryNext(
              "read the count under the same lock that put and take hold (lock(); try { return"
                  + " count; } finally { unlock(); }), or make it volatile: a plain field read"
                  + " without the lock may never see another thread's write")
          .failUnless(ended && seen[0] == 1 && watcher.thrown() == null);
    }
  }
}
