package forklab.workers;

/**
 * The program each child JVM of {@link Workers#inProcesses} runs: {@code WorkerMain <index> <sleepMillis>}.
 *
 * <p>It prints {@code Worker <i> started}, sleeps {@code sleepMillis} milliseconds, adds one to a
 * static counter and prints {@code Worker <i> finished counter=<value>}, then ends by returning
 * from {@code main} (exit code 0; {@code System.exit} is not allowed).
 */
public final class WorkerMain {
  // TODO: a static counter

  private WorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    // TODO: args[0] is the index, args[1] the milliseconds to sleep
    throw new UnsupportedOperationException("TODO");
  }
}
