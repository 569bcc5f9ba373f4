package forklab.api.speedup;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** Samples, while a run lasts, how many threads are running and how much CPU the JVM burns. */
final class BusySampler implements AutoCloseable {
  private static final long PERIOD_MILLIS = 10;

  private final Thread sampler;
  private final long startWall = System.nanoTime();
  private final long startCpu = processCpuNanos();
  private volatile boolean running = true;
  private volatile int maxBusy;

  BusySampler() {
    sampler = new Thread(this::sample, "forklab-busy-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /**
   * Every period, counts the threads that used at least half of that period in CPU time: a thread
   * blocked in a join or in I/O does not count, whatever its state says.
   */
  private void sample() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()) {
      maxBusy = -1;
      return;
    }
    java.util.Map<Long, Long> previous = new java.util.HashMap<>();
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
      java.util.Map<Long, Long> current = new java.util.HashMap<>();
      int busy = 0;
      for (long id : threads.getAllThreadIds()) {
        long cpu = threads.getThreadCpuTime(id);
        if (id == self || cpu < 0) {
          continue;
        }
        current.put(id, cpu);
        Long before = previous.get(id);
        if (before != null && cpu - before >= period / 2) {
          busy++;
        }
      }
      if (!previous.isEmpty()) {
        maxBusy = Math.max(maxBusy, busy);
      }
      previous = current;
      previousWall = now;
    }
  }

  /** Stops sampling; then {@link #cpuPerWall()} and {@link #maxBusy()} hold. */
  @Override
  public void close() throws InterruptedException {
    if (!running) {
      return;
    }
    running = false;
    sampler.interrupt();
    sampler.join();
    wall = System.nanoTime() - startWall;
    cpu = processCpuNanos() - startCpu;
  }

  private long wall;
  private long cpu;

  double cpuPerWall() {
    return cpu < 0 || wall <= 0 ? Double.NaN : (double) cpu / wall;
  }

  int maxBusy() {
    return maxBusy;
  }

  static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
      return hotspot.getProcessCpuTime();
    }
    return -1;
  }
}
