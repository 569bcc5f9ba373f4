package forklab.api.watch;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The child processes of the JVM that runs the checks. Every descendant of this JVM was started by
 * the code under test, so the checks may count them, watch them and, after each check, kill them.
 *
 * <pre>{@code
 * Set<Long> before = Descendants.alive();
 * try (Descendants.Watch watch = Descendants.Watch.start(Duration.ofMillis(20))) {
 *   Workers.inProcesses(3, Duration.ofSeconds(1));
 *   peak = watch.peak();                                  // the most alive at once
 * }
 * Set<Long> left = Descendants.survivorsAfter(before, Duration.ofSeconds(2));
 *
 * @AfterEach void killLeftovers() { Descendants.killAll(); }
 * }</pre>
 */
public final class Descendants {
  private Descendants() {}

  /** The pids of every live descendant of this JVM. */
  public static Set<Long> alive() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::pid)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The pids of live descendants that are not in {@code before}. */
  public static Set<Long> aliveExcept(Set<Long> before) {
    return Survivors.except(alive(), before);
  }

  /**
   * Polls until no descendant outside {@code before} is alive or {@code grace} has passed; returns
   * the survivors.
   */
  public static Set<Long> survivorsAfter(Set<Long> before, Duration grace)
      throws InterruptedException {
    return Survivors.after(Descendants::alive, before, grace);
  }

  /**
   * Kills every descendant of this JVM and waits up to 5 s for them to end, so that a wrong
   * submission cannot spoil the next check.
   */
  public static void killAll() {
    List<ProcessHandle> doomed = ProcessHandle.current().descendants().toList();
    doomed.forEach(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    for (ProcessHandle handle : doomed) {
      while (handle.isAlive() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Watches the descendants of this JVM from a background thread: every pid it saw, and the most
   * that were alive at the same moment.
   */
  public static final class Watch implements AutoCloseable {
    private final Set<Long> ignored;
    private final Set<Long> seen = new TreeSet<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private int peak;

    private Watch(Set<Long> ignored, Duration every) {
      this.ignored = Set.copyOf(ignored);
      this.thread =
          Thread.ofPlatform()
              .daemon()
              .name("forklab-descendant-watch")
              .start(
                  () -> {
                    while (running.get()) {
                      Set<Long> now = aliveExcept(this.ignored);
                      synchronized (this) {
                        seen.addAll(now);
                        peak = Math.max(peak, now.size());
                      }
                      try {
                        Thread.sleep(every.toMillis());
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
    }

    /** Starts watching, every {@code every}, the descendants that are not alive yet. */
    public static Watch start(Duration every) {
      return new Watch(alive(), every);
    }

    /** Every pid seen so far. */
    public synchronized Set<Long> seen() {
      return new TreeSet<>(seen);
    }

    /** The most descendants seen alive at one poll. */
    public synchronized int peak() {
      return peak;
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.interrupt();
      thread.join(5_000);
    }
  }
}
