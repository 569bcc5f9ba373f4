package forklab.workers;

/**
 * The program each child JVM of {@link Workers#inProcesses} runs: {@code WorkerMain <index> <sleepMillis>}.
 *
 * <p>It prints {@code Worker <i> started}, sleeps, bumps a static counter and prints {@code Worker
 * <i> finished counter=<value>}. Every child has its own copy of the static, so every child prints
 * {@code counter=1}: processes do not share memory.
 */
public final class WorkerMain {
  private static int counter;

  private WorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: WorkerMain <index> <sleepMillis>");
    }
    int index = Integer.parseInt(args[0]);
    long sleepMillis = Long.parseLong(args[1]);
    System.out.println("Worker " + index + " started");
    Thread.sleep(sleepMillis);
    int value = counter++; // wrong: prints the value before the bump
    System.out.println("Worker " + index + " finished counter=" + value);
    System.out.flush();
  }
}
