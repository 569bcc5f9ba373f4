package forklab.api.speedup;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** Samples, while a run lasts, how many threads are running and how much CPU the JVM burns. */
final class BusySampler implements AutoCloseable {
  private static final long PERIOD_MILLIS = 5;

  private final Thread sampler;
  private final long startWall = System.nanoTime();
  private final long startCpu = processCpuNanos();
  private volatile boolean running = true;
  private volatile int maxBusy;

  BusySampler() {
    sampler = new Thread(() -> {
      while (running) {
        int busy = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
          if (thread != Thread.currentThread() && thread.getState() == Thread.State.RUNNABLE) {
            busy++;
          }
        }
        maxBusy = Math.max(maxBusy, busy);
        try {
          Thread.sleep(PERIOD_MILLIS);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }, "forklab-busy-sampler");
    sampler.setDaemon(true);
    sampler.start();
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
