package forklab.supervisor;

/**
 * A few tasks to try your supervisor with (the public tests use them). Given: the grader's hidden
 * tasks are others, and do far worse.
 */
public final class Examples {
  private Examples() {}

  /** Returns its input in capitals: OK. */
  public static final class Upper implements Task {
    @Override
    public String run(String input) {
      return input.toUpperCase(java.util.Locale.ROOT);
    }
  }

  /** Throws: FAILED, with output {@code java.lang.IllegalStateException: cannot handle <input>}. */
  public static final class Fails implements Task {
    @Override
    public String run(String input) {
      throw new IllegalStateException("cannot handle " + input);
    }
  }

  /** Ends its JVM with {@code System.exit(42)}: CRASHED, exit code 42. */
  public static final class Exits implements Task {
    @Override
    public String run(String input) {
      System.out.println("Exits: calling System.exit(42)");
      System.exit(42);
      return "unreachable";
    }
  }

  /** Sleeps forever: TIMED_OUT, exit code -1. */
  public static final class SleepsForever implements Task {
    @Override
    public String run(String input) throws InterruptedException {
      while (true) {
        Thread.sleep(60_000);
      }
    }
  }
}
