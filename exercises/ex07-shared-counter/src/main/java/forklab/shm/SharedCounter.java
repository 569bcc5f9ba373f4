package forklab.shm;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One counter, many incrementers: child processes that share a memory-mapped file, or threads of
 * this process that share a field. See the exercise's README.md.
 *
 * <p>The children need a program to run: add a class with a {@code main} method to this package
 * (for example {@code IncrementerMain}) and start it as {@code <java of this JVM> -cp
 * <System.getProperty("java.class.path")> forklab.shm.IncrementerMain <args>}.
 */
public final class SharedCounter {
  private SharedCounter() {}

  /**
   * Starts {@code processes} child JVMs at once; each adds 1 to a long in the memory-mapped {@code
   * file} {@code incrementsEach} times, each time under an exclusive {@code FileChannel} lock.
   * Returns the final count, exactly {@code processes * incrementsEach}.
   *
   * <p>The file is created if absent and the count starts at 0 whatever it held. When the method
   * returns, no child is running and no file but {@code file} was left behind (the caller deletes
   * {@code file}).
   */
  public static long incrementWithProcesses(Path file, int processes, int incrementsEach)
      throws IOException, InterruptedException {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The same with {@code threads} threads of this process on one shared counter: each adds 1 {@code
   * incrementsEach} times. Returns the final count, exactly {@code threads * incrementsEach}; every
   * thread has ended when it returns.
   */
  public static long incrementWithThreads(int threads, int incrementsEach)
      throws InterruptedException {
    throw new UnsupportedOperationException("TODO");
  }
}
