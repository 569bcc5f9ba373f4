package forklab.api.watch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Watches the threads a call uses for its work, and tells how evenly the work was spread.
 *
 * <pre>{@code
 * BusyThreads.Watched<Long> call =
 *     BusyThreads.watch(cpus, () -> PrimeCounter.countParallel(0, n, cpus));
 * double balance = Math.min(call.busyShare(), call.workSplit());
 * }</pre>
 *
 * <p>A sampler thread looks about every millisecond at every thread the call may use: the calling
 * thread, every thread started during the call, and the JVM's fork/join workers. It gives two
 * views:
 *
 * <ul>
 *   <li>The <b>busy share</b>: the average over the call of min(C, threads that want a CPU) / C. A
 *       thread wants a CPU when it is {@code RUNNABLE} (whether or not the machine has a CPU free
 *       for it right now), or when it is a carrier with a virtual thread mounted; one that waits
 *       (in {@code join}, idle in a pool) or has ended does not. 1.00 when C threads are busy from
 *       start to end, about 0.80 for equal halves of [0, N) on two CPUs on a quiet machine, 0.50
 *       for one thread. Other programs hardly lower it, but they can raise it for an unbalanced
 *       split: an early finisher that had to share its CPU finishes later.
 *   <li>The <b>work split</b>: the CPU time each thread used, as (total / C) / largest, at most
 *       1.00. Equal halves of [0, N) give about 0.80 however busy the machine is, since each thread
 *       owns its slice; a balanced split gives 1.00 when its threads got equal CPU shares, but less
 *       when the machine favoured one of them.
 * </ul>
 *
 * <p>The speedup judge keeps its own sampler: it bounds the process's CPU time, a different
 * question from how the work was spread.
 */
public final class BusyThreads {
  private static final long PERIOD_NANOS = 1_000_000;

  /** Threads the JVM may start for virtual threads; they are not the submission's workers. */
  private static final Set<String> JVM_HELPERS =
      Set.of("VirtualThread-unblocker", "VirtualThread-unparker");

  private BusyThreads() {}

  /**
   * What one watched call gave.
   *
   * @param result what the call returned
   * @param busyShare see the class comment; 1.00 when C threads wanted a CPU all along
   * @param workSplit see the class comment; the busy share when no thread CPU clock is available
   * @param samples how many times the sampler looked
   * @param millis the call's wall time
   */
  public record Watched<T>(
      T result, double busyShare, double workSplit, int samples, double millis) {}

  /** Runs {@code call} on the calling thread while watching the threads it uses on {@code cpus}. */
  public static <T> Watched<T> watch(int cpus, Supplier<T> call) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTime = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    long caller = Thread.currentThread().threadId();
    Set<Long> before = new HashSet<>();
    Map<Long, Long> cpuAtStart = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
      if (info != null) {
        long id = info.getThreadId();
        before.add(id);
        if (id == caller || info.getThreadName().startsWith("ForkJoinPool")) {
          cpuAtStart.put(id, cpuTime ? Math.max(0, threads.getThreadCpuTime(id)) : 0);
        }
      }
    }

    AtomicBoolean done = new AtomicBoolean();
    double[] busyAndTotal = new double[2];
    int[] samples = new int[1];
    Map<Long, Long> cpuLastSeen = new HashMap<>();
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .name("grader-busy-sampler")
            .start(
                () -> {
                  long self = Thread.currentThread().threadId();
                  long previous = System.nanoTime();
                  while (!done.get()) {
                    int wanting = 0;
                    long now = System.nanoTime();
                    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
                      if (info == null
                          || info.getThreadId() == self
                          || JVM_HELPERS.contains(info.getThreadName())) {
                        continue;
                      }
                      long id = info.getThreadId();
                      if (before.contains(id) && !cpuAtStart.containsKey(id)) {
                        continue; // neither the caller, nor a fork/join worker, nor new
                      }
                      if (wantsACpu(info)) {
                        wanting++;
                      }
                      long cpu = cpuTime ? threads.getThreadCpuTime(id) : -1;
                      if (cpu >= 0) {
                        cpuLastSeen.put(id, cpu);
                      }
                    }
                    busyAndTotal[0] += (double) Math.min(wanting, cpus) * (now - previous);
                    busyAndTotal[1] += (double) cpus * (now - previous);
                    samples[0]++;
                    previous = now;
                    LockSupport.parkNanos(PERIOD_NANOS);
                  }
                });

    long start = System.nanoTime();
    T result;
    try {
      result = call.get();
    } finally {
      done.set(true);
      Uninterruptibly.join(sampler);
    }
    double millis = (System.nanoTime() - start) / 1e6;
    if (cpuTime) {
      for (long id : cpuLastSeen.keySet()) {
        long cpu = threads.getThreadCpuTime(id); // -1 once the thread has ended
        if (cpu >= 0) {
          cpuLastSeen.put(id, cpu);
        }
      }
    }

    double share = busyAndTotal[1] == 0 ? 1 : busyAndTotal[0] / busyAndTotal[1];
    double total = 0;
    double largest = 0;
    for (Map.Entry<Long, Long> seen : cpuLastSeen.entrySet()) {
      double used = seen.getValue() - cpuAtStart.getOrDefault(seen.getKey(), 0L);
      total += used;
      largest = Math.max(largest, used);
    }
    double split = !cpuTime || largest <= 0 ? share : Math.min(1, total / cpus / largest);
    return new Watched<>(result, share, split, samples[0], millis);
  }

  /**
   * Whether a thread wants a CPU: it is runnable, or it is a carrier with a virtual thread mounted
   * (a carrier reports itself as waiting on the virtual thread it runs).
   */
  private static boolean wantsACpu(ThreadInfo info) {
    if (info.getThreadState() == Thread.State.RUNNABLE) {
      return true;
    }
    String lock = info.getLockName();
    return lock != null && lock.startsWith("java.lang.VirtualThread");
  }
}
