package forklab.checks.buffer;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.api.Measurement;
import forklab.buffer.BoundedBuffer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * No busy waiting, judged by the CPU time a blocked thread uses while it waits (never by wall
 * time, which a busy machine stretches): a thread blocked for 1 s must burn under 50 ms.
 */
@Checks
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class BusyWaitChecks {
  private static final Duration SETTLE = Duration.ofMillis(100);
  private static final Duration BLOCKED = Duration.ofSeconds(1);
  private static final long LIMIT_MILLIS = 50;

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 2,
      name = "no busy waiting: a thread blocked for 1 s in take, put or poll burns under 50 ms of CPU")
  @Gated(BufferWorks.class)
  void blockedThreadsSleep(TestReporter reporter) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    threads.setThreadCpuTimeEnabled(true);
    BoundedBuffer<String> empty = new BoundedBuffer<>(1);
    BoundedBuffer<String> full = new BoundedBuffer<>(1);
    full.put("a");
    BoundedBuffer<String> none = new BoundedBuffer<>(1);
    List<Burn> burns =
        List.of(
            new Burn("take()", cpuWhileBlocked(threads, empty::take, () -> empty.put("x"))),
            new Burn(
                "put()",
                cpuWhileBlocked(
                    threads,
                    () -> {
                      full.put("b");
                      return null;
                    },
                    full::take)),
            new Burn(
                "poll(20 s)",
                cpuWhileBlocked(
                    threads, () -> none.poll(20, TimeUnit.SECONDS), () -> none.put("y"))));
    Burn worstBurn = burns.stream().max(Comparator.comparingLong(Burn::millis)).orElseThrow();
    long worst = worstBurn.millis();
    String worstCall = worstBurn.call();
    List<String> burnt = burns.stream().map(Burn::toString).toList();
    Measurement.of(worst, "ms")
        .atMost(LIMIT_MILLIS)
        .detail("blocked for", BLOCKED.toMillis() + " ms each")
        .detail("CPU time while blocked", String.join(", ", burnt))
        .publish(reporter);
    Feedback.of("a thread that waits must sleep, not spin")
        .measured(
            worstCall + " used " + worst + " ms of CPU while blocked for " + BLOCKED.toMillis()
                + " ms (" + String.join(", ", burnt) + ")")
        .required("under " + LIMIT_MILLIS + " ms of CPU per blocked second")
        .tryNext(
            "wait with condition.await() (or wait() in a synchronized method) inside a while loop;"
                + " a loop that only unlocks, yields or sleeps briefly and looks again keeps a CPU"
                + " busy for nothing")
        .failUnless(worst < LIMIT_MILLIS);
  }

  private record Burn(String call, long millis) {
    @Override
    public String toString() {
      return call + " " + millis + " ms";
    }
  }

  private interface Release {
    void run() throws Exception;
  }

  /** The CPU time, in ms, that {@code blocking} uses during {@link #BLOCKED} of being blocked. */
  private static long cpuWhileBlocked(ThreadMXBean threads, Callable<?> blocking, Release release)
      throws Exception {
    Caller<?> caller = Caller.start("blocked", blocking);
    Thread.sleep(SETTLE);
    long id = caller.thread().threadId();
    long before = threads.getThreadCpuTime(id);
    Thread.sleep(BLOCKED);
    long after = threads.getThreadCpuTime(id);
    boolean stillBlocked = caller.thread().isAlive();
    release.run();
    caller.endsWithin(Duration.ofSeconds(3));
    Feedback.of("the call must still wait after " + (SETTLE.plus(BLOCKED)).toMillis() + " ms")
        .measured("it " + caller.outcome())
        .required("waiting until another thread makes room or adds an item")
        .tryNext("wait while the buffer is full (put) or empty (take, poll)")
        .failUnless(stillBlocked && before >= 0 && after >= 0);
    return (after - before) / 1_000_000;
  }
}
