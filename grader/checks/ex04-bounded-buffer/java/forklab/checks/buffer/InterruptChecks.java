package forklab.checks.buffer;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.buffer.BoundedBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Interrupts: a waiting call that is interrupted, or that would wait with its interrupt flag set,
 * throws InterruptedException and leaves the buffer as it was; and an exception thrown inside the
 * buffer never leaves its lock held.
 */
@Checks
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class InterruptChecks {
  private static final Duration BLOCKS = Duration.ofMillis(300);
  private static final Duration ENDS = Duration.ofSeconds(3);

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "an interrupted take or put throws InterruptedException and changes nothing")
  @Gated(BufferWorks.class)
  void interruptedTakeAndPut() throws InterruptedException {
    BoundedBuffer<String> empty = new BoundedBuffer<>(2);
    interruptWhileWaiting("take() on an empty buffer", empty::take);
    unchanged(empty, List.of(), "take() was interrupted");

    BoundedBuffer<String> full = new BoundedBuffer<>(2);
    full.put("a");
    full.put("b");
    interruptWhileWaiting(
        "put(\"c\") on a full buffer",
        () -> {
          full.put("c");
          return null;
        });
    unchanged(full, List.of("a", "b"), "put(\"c\") was interrupted");
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name = "an interrupted offer or poll with a timeout throws InterruptedException")
  @Gated(BufferWorks.class)
  void interruptedOfferAndPoll() throws InterruptedException {
    BoundedBuffer<String> empty = new BoundedBuffer<>(1);
    interruptWhileWaiting("poll(20 s) on an empty buffer", () -> empty.poll(20, TimeUnit.SECONDS));
    unchanged(empty, List.of(), "poll was interrupted");

    BoundedBuffer<String> full = new BoundedBuffer<>(1);
    full.put("a");
    interruptWhileWaiting(
        "offer(\"b\", 20 s) on a full buffer", () -> full.offer("b", 20, TimeUnit.SECONDS));
    unchanged(full, List.of("a"), "offer(\"b\", 20 s) was interrupted");
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name = "a call that would wait with its interrupt flag already set throws at once")
  @Gated(BufferWorks.class)
  void interruptFlagSetBeforeTheCall() throws InterruptedException {
    BoundedBuffer<String> empty = new BoundedBuffer<>(1);
    BoundedBuffer<String> full = new BoundedBuffer<>(1);
    full.put("a");
    flagAlreadySet("take() on an empty buffer", empty::take);
    flagAlreadySet("poll(20 s) on an empty buffer", () -> empty.poll(20, TimeUnit.SECONDS));
    flagAlreadySet(
        "put(\"b\") on a full buffer",
        () -> {
          full.put("b");
          return null;
        });
    flagAlreadySet("offer(\"b\", 20 s) on a full buffer", () -> full.offer("b", 20, TimeUnit.SECONDS));
    unchanged(empty, List.of(), "the interrupted calls");
    unchanged(full, List.of("a"), "the interrupted calls");
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 2,
      name = "after an exception (a null item, an interrupt) the buffer still works for other threads")
  @Gated(BufferWorks.class)
  void stillWorksAfterAnException() throws InterruptedException {
    BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
    Caller<Void> nullPut =
        Caller.start(
            "put-null",
            () -> {
              buffer.put(null);
              return null;
            });
    nullPut.endsWithin(ENDS);
    othersCanStillUseIt(buffer, "put(null) threw " + nullPut.thrown());

    Caller<String> take = Caller.start("take", buffer::take);
    take.stillBlockedAfter(BLOCKS);
    take.interrupt();
    take.endsWithin(ENDS);
    othersCanStillUseIt(buffer, "a waiting take() was interrupted (" + take.outcome() + ")");

    Caller<Boolean> offer = Caller.start("offer-null", () -> buffer.offer(null, 1, TimeUnit.SECONDS));
    offer.endsWithin(ENDS);
    othersCanStillUseIt(buffer, "offer(null, 1 s) " + offer.outcome());
  }

  /** Another thread puts and a third takes, each within a few seconds. */
  private static void othersCanStillUseIt(BoundedBuffer<String> buffer, String after)
      throws InterruptedException {
    Caller<Boolean> put = Caller.start("offer", () -> buffer.offer("x", 1, TimeUnit.SECONDS));
    boolean putEnded = put.endsWithin(ENDS);
    Caller<String> take = Caller.start("poll", () -> buffer.poll(1, TimeUnit.SECONDS));
    boolean takeEnded = take.endsWithin(ENDS);
    Feedback.of("after " + after + ", other threads must still be able to put and take")
        .measured("offer(\"x\", 1 s) from another thread " + put.outcome() + "; poll(1 s) from a third " + take.outcome())
        .required("true, then x, each within " + ENDS.toSeconds() + " s")
        .tryNext(
            "unlock in a finally block right after lock(): lock.lock(); try { ... } finally {"
                + " lock.unlock(); } — an exception or an interrupt between lock() and unlock()"
                + " otherwise leaves the lock held forever")
        .failUnless(putEnded && takeEnded && Boolean.TRUE.equals(put.result()) && "x".equals(take.result()));
  }

  private static void interruptWhileWaiting(String call, Callable<?> blocking)
      throws InterruptedException {
    Caller<?> caller = Caller.start("interrupted", blocking);
    boolean blocked = caller.stillBlockedAfter(BLOCKS);
    Feedback.of(call + " must wait")
        .measured(call + " " + caller.outcome())
        .required("still waiting after " + BLOCKS.toMillis() + " ms")
        .tryNext("make it wait on a condition while it cannot go on")
        .failUnless(blocked);
    caller.interrupt();
    boolean ended = caller.endsWithin(ENDS);
    Feedback.of(call + " must end with InterruptedException when its thread is interrupted while it waits")
        .measured(call + " " + caller.outcome() + " " + ENDS.toSeconds() + " s after the interrupt")
        .required("InterruptedException, at once")
        .tryNext(
            "let the InterruptedException of await() (or wait()) propagate out of the method;"
                + " never catch and ignore it, and never wait with awaitUninterruptibly()")
        .failUnless(ended && caller.thrown() instanceof InterruptedException);
  }

  private static void flagAlreadySet(String call, Callable<?> blocking) throws InterruptedException {
    Caller<?> caller = Caller.startInterrupted("flag-set", blocking);
    boolean ended = caller.endsWithin(ENDS);
    Feedback.of(call + " with the thread's interrupt flag already set must throw instead of waiting")
        .measured(call + " " + caller.outcome() + " after " + (ended ? caller.millis() + " ms" : ENDS.toSeconds() + " s"))
        .required("InterruptedException, without waiting")
        .tryNext(
            "await() and wait() throw at once when the flag is set; do not clear it with"
                + " Thread.interrupted() before you wait")
        .failUnless(ended && caller.thrown() instanceof InterruptedException);
  }

  private static void unchanged(BoundedBuffer<String> buffer, List<String> items, String after)
      throws InterruptedException {
    // Read on another thread: a lock left held would block this one for good.
    Caller<List<String>> reader =
        Caller.start(
            "inspect",
            () -> {
              int size = buffer.size();
              List<String> held = new ArrayList<>();
              for (int i = 0; i < size && i < 10; i++) {
                held.add(buffer.poll(0, TimeUnit.MILLISECONDS));
              }
              held.add("size() = " + size);
              return held;
            });
    boolean answered = reader.endsWithin(ENDS);
    Feedback.of("after " + after + ", another thread must find the buffer as it was")
        .measured(
            answered
                ? "it held " + reader.result()
                : "size() and poll() from another thread " + reader.outcome() + " after " + ENDS.toSeconds() + " s: the lock is still held")
        .required(items + ", size() = " + items.size())
        .tryNext(
            "change the slots and the count only after the wait is over, and unlock in a finally"
                + " block so that an InterruptedException never leaves the lock held")
        .failUnless(answered && reader.thrown() == null && sameItems(reader.result(), items));
    for (String item : items) {
      buffer.put(item);
    }
  }

  private static boolean sameItems(List<String> held, List<String> items) {
    List<String> expected = new ArrayList<>(items);
    expected.add("size() = " + items.size());
    return expected.equals(held);
  }
}
