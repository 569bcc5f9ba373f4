package forklab.cost;

import java.time.Duration;
import java.util.List;

/**
 * What a thread and a process cost to create, and what reusing threads saves. Your task: see the
 * exercise's README.md.
 */
public final class CreationCost {
  private CreationCost() {}

  /**
   * The mean time, in nanoseconds, to create, start and join one new platform thread that runs an
   * empty task. Each of the {@code samples} timed threads is created, started and joined before the
   * next one is created.
   *
   * @throws IllegalArgumentException if {@code samples < 1}
   */
  public static double threadNanos(int samples) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The mean time, in nanoseconds, to start one child process and wait for it to end. The child is
   * {@code true} from the {@code PATH}; only where no {@code true} is on the {@code PATH}, it is
   * this JVM ({@code java -version}). Each of the {@code samples} timed children has ended before
   * the next one is started.
   *
   * @throws IllegalArgumentException if {@code samples < 1}
   */
  public static double processNanos(int samples) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Runs every task on a new platform thread of its own. Returns the wall time from the first task
   * handed out until every task has finished.
   */
  public static Duration threadPerTask(List<Runnable> tasks) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Runs every task on one fixed pool of {@code poolSize} threads, created for this call and reused
   * for all its tasks. Returns the wall time from the first task handed out until every task has
   * finished, and returns only once the pool has terminated (shut down and awaited), so that no
   * thread of the pool is alive any more.
   *
   * @throws IllegalArgumentException if {@code poolSize < 1}
   */
  public static Duration pooled(List<Runnable> tasks, int poolSize) {
    throw new UnsupportedOperationException("TODO");
  }
}
