package forklab.api.speedup;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches, while the candidate runs, how many threads are running and how many CPUs the process
 * keeps busy. The CPUs come as bounds, since neither clock tells the whole truth for short runs:
 * the process clock counts everything but only in steps of 10 ms (on Linux), and the thread clocks
 * are exact but forget a thread once it has ended, so each ended thread's last moments after the
 * last sample are missing.
 *
 * <p>When the candidate's work runs in child processes (a pool of worker JVMs), the sampler can
 * count the CPU time of this JVM's descendants too: each one's clock (on Linux in ticks of 10 ms)
 * is read when the window opens, at every sample and when it closes, so a child that ends inside
 * the window counts up to its last sample.
 */
final class BusySampler implements AutoCloseable {
  private static final long PERIOD_MILLIS = 10;

  private final Thread sampler;
  private final Map<Long, Long> atStart;
  private final Map<Long, Long> lastSeen = new HashMap<>();
  private final long startCpu;
  private final long startWall;
  private final boolean descendants;
  private final Map<Long, Long> childrenAtStart;
  private final Map<Long, Long> childrenSeen = new HashMap<>();
  private volatile boolean running = true;
  private volatile int maxBusy;

  private long wall;
  private long processCpu = -1;
  private long seenCpu;
  private long childrenCpu;
  private int childrenBusy;

  /** Starts sampling this JVM's threads; the window opens when the constructor returns. */
  BusySampler() {
    this(false);
  }

  /**
   * Starts sampling; with {@code descendants}, the CPU time of this JVM's descendant processes
   * counts as the candidate's too. The window opens when the constructor returns.
   */
  BusySampler(boolean descendants) {
    this.descendants = descendants;
    this.childrenAtStart = descendants ? descendantsCpu() : Map.of();
    sampler = new Thread(this::sample, "forklab-busy-sampler");
    sampler.setDaemon(true);
    sampler.start();
    atStart = Clocks.perThread();
    startCpu = Clocks.process();
    startWall = System.nanoTime();
  }

  /**
   * Every period, counts the threads that used at least half of that period in CPU time: a thread
   * blocked in a join or in I/O does not count, whatever its state says. Remembers each thread's
   * CPU time as last seen, for the threads that end before the window closes.
   */
  private void sample() {
    if (!Clocks.threadCpu() && !descendants) {
      maxBusy = -1;
      return;
    }
    Map<Long, Long> previous = new HashMap<>();
    long previousWall = System.nanoTime();
    long self = Thread.currentThread().threadId();
    while (running) {
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException stop) {
        return;
      }
      long now = System.nanoTime();
      long period = now - previousWall;
      if (descendants) {
        Map<Long, Long> children = descendantsCpu();
        synchronized (childrenSeen) {
          children.forEach((pid, cpu) -> childrenSeen.merge(pid, cpu, Math::max));
        }
      }
      if (!Clocks.threadCpu()) {
        continue;
      }
      Map<Long, Long> current = Clocks.perThread();
      current.remove(self);
      int busy = 0;
      for (Map.Entry<Long, Long> thread : current.entrySet()) {
        Long before = previous.get(thread.getKey());
        if (before != null && thread.getValue() - before >= period / 2) {
          busy++;
        }
      }
      lastSeen.putAll(current);
      if (!previous.isEmpty()) {
        maxBusy = Math.max(maxBusy, busy);
      }
      previous = current;
      previousWall = now;
    }
  }

  /** Closes the window and stops sampling; then the readings below hold. */
  @Override
  public void close() throws InterruptedException {
    if (!running) {
      return;
    }
    wall = System.nanoTime() - startWall;
    long endCpu = Clocks.process();
    long samplerCpu =
        Math.max(
            0,
            Clocks.THREADS.getThreadCpuTime(sampler.threadId())
                - atStart.getOrDefault(sampler.threadId(), 0L));
    Map<Long, Long> atEnd = Clocks.perThread();
    Map<Long, Long> childrenAtEnd = descendants ? descendantsCpu() : Map.of();
    running = false;
    sampler.interrupt();
    sampler.join();
    synchronized (childrenSeen) {
      childrenAtEnd.forEach((pid, cpu) -> childrenSeen.merge(pid, cpu, Math::max));
      for (Map.Entry<Long, Long> child : childrenSeen.entrySet()) {
        long used = child.getValue() - childrenAtStart.getOrDefault(child.getKey(), 0L);
        if (used > 0) {
          childrenCpu += used;
          childrenBusy++;
        }
      }
    }
    if (startCpu >= 0 && endCpu >= 0) {
      processCpu = Math.max(0, endCpu - startCpu - samplerCpu);
    }
    lastSeen.putAll(atEnd);
    lastSeen.remove(sampler.threadId());
    for (Map.Entry<Long, Long> thread : lastSeen.entrySet()) {
      seenCpu += Math.max(0, thread.getValue() - atStart.getOrDefault(thread.getKey(), 0L));
    }
  }

  /** The process's CPU time over the wall time: the best single figure, or NaN without a clock. */
  double cpuPerWall() {
    if (processCpu < 0 || wall <= 0) {
      return Clocks.threadCpu() && wall > 0 ? (double) seenCpu / wall : Double.NaN;
    }
    return Math.clamp((double) processCpu / wall, cpuLow(), cpuHigh());
  }

  /**
   * At least this many CPUs were busy on average: the larger of what the thread clocks saw and what
   * the process clock shows less its error. NaN when no clock can be read.
   */
  double cpuLow() {
    if (wall <= 0) {
      return Double.NaN;
    }
    double children = Math.max(0, childrenCpu - childrenError()) / (double) wall;
    double seen = Clocks.threadCpu() ? (double) seenCpu / wall : Double.NaN;
    if (processCpu < 0) {
      return Double.isNaN(seen) ? seen : seen + children;
    }
    double process = Math.max(0, processCpu - Clocks.processError()) / (double) wall;
    return (Double.isNaN(seen) ? process : Math.max(seen, process)) + children;
  }

  /** At most this many CPUs were busy on average; NaN without a process clock. */
  double cpuHigh() {
    if (processCpu < 0 || wall <= 0) {
      return Double.NaN;
    }
    double high =
        (double) (processCpu + Clocks.processError() + childrenCpu + childrenError()) / wall;
    double low = cpuLow();
    return Double.isNaN(low) ? high : Math.max(high, low);
  }

  int maxBusy() {
    return maxBusy;
  }

  /** The CPU time the descendants used in the window (0 unless they are counted), in ns. */
  long childrenCpu() {
    return childrenCpu;
  }

  /**
   * How far the descendants' total can be from the truth: two ticks of 10 ms per child whose clock
   * moved (a child's clock counts whole ticks, and one that ended lost up to a sample period). A
   * child whose clock did not move at all was idle: it adds nothing and no error (another pool's
   * workers waiting for input, for example).
   */
  private long childrenError() {
    return childrenBusy * Math.max(Clocks.processError(), 20_000_000L);
  }

  /** The CPU time of every live descendant of this JVM, by pid, in ns; unknown ones left out. */
  private static Map<Long, Long> descendantsCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    ProcessHandle.current()
        .descendants()
        .forEach(
            child ->
                child
                    .info()
                    .totalCpuDuration()
                    .map(Duration::toNanos)
                    .ifPresent(nanos -> cpu.put(child.pid(), nanos)));
    return cpu;
  }
}
