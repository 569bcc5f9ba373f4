package forklab.checks.shm;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measurement;
import forklab.api.watch.Descendants;
import forklab.shm.SharedCounter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The process version really runs in child processes: while the call runs, the check JVM has as
 * many new descendants as the call asked for processes, each with a pid of its own and CPU time of
 * its own.
 */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ChildProcessChecks {
  private Path folder;

  @AfterEach
  void cleanUp() {
    Descendants.killAll();
    Scratch.delete(folder);
  }

  @Test
  @Check(
      goal = Goal.ISOLATION,
      points = 2,
      name =
          "incrementWithProcesses really runs in child processes: one pid and CPU time of its own"
              + " per process")
  void runsInChildren(Random random, TestReporter reporter) throws Exception {
    folder = Scratch.folder();
    Path file = folder.resolve(Scratch.COUNTER);
    int processes = 2 + random.nextInt(3);
    int each = 20_000 + random.nextInt(10_000);
    long self = ProcessHandle.current().pid();

    // The total is the other checks' business: this one looks at who did the work.
    long got;
    Map<Long, Long> cpuMillis;
    try (Sampler sampler = Sampler.start(Duration.ofMillis(5))) {
      got = SharedCounter.incrementWithProcesses(file, processes, each);
      cpuMillis = sampler.cpuMillis();
    }

    List<String> children = new ArrayList<>();
    int withCpu = 0;
    for (Map.Entry<Long, Long> child : cpuMillis.entrySet()) {
      long cpu = child.getValue();
      children.add(
          "pid " + child.getKey() + (cpu < 0 ? " (CPU time unknown)" : ": " + cpu + " ms CPU"));
      if (cpu != 0) {
        withCpu++; // a CPU time the system does not report is not held against the code
      }
    }
    Measurement.of(cpuMillis.size(), "processes")
        .atLeast(processes)
        .detail("children", children.isEmpty() ? "none" : String.join("; ", children))
        .detail("this JVM", "pid " + self)
        .detail("total", Scratch.number(got) + " of " + Scratch.number((long) processes * each))
        .publish(reporter);
    Feedback.of(
            "incrementWithProcesses(file, "
                + processes
                + ", "
                + each
                + ") must do its increments in "
                + processes
                + " child processes")
        .measured(
            cpuMillis.isEmpty()
                ? "no child process of this JVM was seen while the call ran: the work ran in this"
                    + " JVM (threads are not processes)"
                : cpuMillis.size()
                    + " child process(es) seen while the call ran: "
                    + Scratch.shorten(children, 6))
        .required(processes + " distinct child processes, each using CPU time of its own")
        .tryNext(
            "start each child with new ProcessBuilder(<java of this JVM>, \"-cp\","
                + " System.getProperty(\"java.class.path\"), \"forklab.shm.YourMain\", file,"
                + " incrementsEach).start(), all of them before you wait for any")
        .failUnless(cpuMillis.size() >= processes && withCpu >= processes);
  }

  /**
   * Samples the descendants of this JVM every few milliseconds: each one's pid and the most CPU
   * time it was seen with (-1 when the system does not tell).
   */
  private static final class Sampler implements AutoCloseable {
    private final Set<Long> before;
    private final Map<Long, Long> cpuMillis = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private Sampler(Duration every) {
      this.before = Descendants.alive();
      this.thread =
          Thread.ofPlatform()
              .daemon()
              .name("forklab-child-sampler")
              .start(
                  () -> {
                    while (running.get()) {
                      sample();
                      try {
                        Thread.sleep(every.toMillis());
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
    }

    static Sampler start(Duration every) {
      return new Sampler(every);
    }

    private void sample() {
      ProcessHandle.current()
          .descendants()
          .filter(handle -> !before.contains(handle.pid()))
          .forEach(
              handle -> {
                long cpu = handle.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                if (handle.isAlive()) {
                  synchronized (this) {
                    cpuMillis.merge(handle.pid(), cpu, Math::max);
                  }
                }
              });
    }

    /** Every child seen so far, with the most CPU time seen, in ms. */
    synchronized Map<Long, Long> cpuMillis() {
      return new TreeMap<>(cpuMillis);
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.interrupt();
      thread.join(5_000);
    }
  }
}
