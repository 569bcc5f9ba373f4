package forklab.course;

/**
 * Resource limits for one exercise's check JVM.
 *
 * @param timeLimitSeconds wall clock for all checks of the exercise
 * @param testTimeoutSeconds default timeout of one check
 * @param heapMb the check JVM's maximum heap
 * @param outputKib captured output kept per check
 * @param memoryMb container memory (and memory+swap) limit
 * @param pids container pids limit
 * @param cpus CPUs the container may use
 */
public record Limits(
    int timeLimitSeconds,
    int testTimeoutSeconds,
    int heapMb,
    int outputKib,
    int memoryMb,
    int pids,
    int cpus) {

  public static final Limits DEFAULTS = new Limits(180, 60, 256, 64, 1024, 256, 2);

  public Limits {
    positive("time-limit-seconds", timeLimitSeconds);
    positive("test-timeout-seconds", testTimeoutSeconds);
    positive("heap-mb", heapMb);
    positive("output-kib", outputKib);
    positive("memory-mb", memoryMb);
    positive("pids", pids);
    positive("cpus", cpus);
    if (memoryMb < heapMb + 128) {
      throw new IllegalArgumentException(
          "memory-mb "
              + memoryMb
              + " leaves too little room beside heap-mb "
              + heapMb
              + " (needs heap + 128)");
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }
}
