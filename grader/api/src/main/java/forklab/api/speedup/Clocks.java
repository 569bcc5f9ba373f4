package forklab.api.speedup;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU clocks the judge reads: the process's, which counts every thread including those that
 * have ended and the JVM's own, but on Linux only in clock ticks of 10 ms; and each live thread's,
 * which is exact to the microsecond but forgets a thread once it has ended.
 */
final class Clocks {
  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private Clocks() {}

  /** The process's CPU time in nanoseconds, or -1 where the JVM cannot tell. */
  static long process() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof OperatingSystemMXBean hotspot) {
      return hotspot.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * How far a difference of two {@link #process()} readings can be from the truth: a reading lags
   * behind by less than two steps of that clock (user and system time may each be rounded down), so
   * a difference is off by less than two steps either way. The step is measured once per JVM by
   * watching the clock tick; 0 without a process clock.
   */
  static long processError() {
    return Resolution.STEP * 2;
  }

  /** Whether live threads' CPU times can be read. */
  static boolean threadCpu() {
    return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
  }

  /** The CPU time of every live thread, by id; empty where thread CPU times cannot be read. */
  static Map<Long, Long> perThread() {
    Map<Long, Long> cpu = new HashMap<>();
    if (!threadCpu()) {
      return cpu;
    }
    for (long id : THREADS.getAllThreadIds()) {
      long nanos = THREADS.getThreadCpuTime(id);
      if (nanos >= 0) {
        cpu.put(id, nanos);
      }
    }
    return cpu;
  }

  /** The calling thread's CPU time in nanoseconds, or 0 where it cannot be read. */
  static long currentThread() {
    return threadCpu() ? Math.max(0, THREADS.getCurrentThreadCpuTime()) : 0;
  }

  private static final class Resolution {
    static final long STEP = measureStep();

    /**
     * The smallest of three steps of the process clock while this thread spins (at most 100 ms).
     */
    private static long measureStep() {
      long previous = process();
      if (previous < 0) {
        return 0;
      }
      long smallest = Long.MAX_VALUE;
      long deadline = System.nanoTime() + 100_000_000L;
      for (int steps = 0; steps < 3 && System.nanoTime() < deadline; ) {
        long now = process();
        if (now != previous) {
          smallest = Math.min(smallest, now - previous);
          previous = now;
          steps++;
        }
      }
      return smallest == Long.MAX_VALUE ? 100_000_000L : smallest;
    }
  }
}
