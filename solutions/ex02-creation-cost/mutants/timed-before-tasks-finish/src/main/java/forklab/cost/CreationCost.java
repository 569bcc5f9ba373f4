package forklab.cost;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * MUTANT timed-before-tasks-finish: pooled stops its clock once the tasks are handed out, not once
 * they have finished
 */
public final class CreationCost {
  /** Untimed creations before the timed ones, so that class loading and the JIT are not timed. */
  private static final int WARMUP = 5;

  private static final Runnable EMPTY = () -> {};

  private CreationCost() {}

  /**
   * The mean time, in nanoseconds, to create, start and join one new platform thread that runs an
   * empty task, over {@code samples} threads made one after another.
   *
   * @throws IllegalArgumentException if {@code samples < 1}
   */
  public static double threadNanos(int samples) {
    requirePositive(samples, "samples");
    for (int i = 0; i < WARMUP; i++) {
      startAndJoinThread();
    }
    long total = 0;
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      startAndJoinThread();
      total += System.nanoTime() - start;
    }
    return (double) total / samples;
  }

  /**
   * The mean time, in nanoseconds, to start one child process and wait for it to end, over {@code
   * samples} processes started one after another. The child is {@code true} from the {@code PATH},
   * or this JVM's own {@code java -version} where no {@code true} is on the {@code PATH}.
   *
   * @throws IllegalArgumentException if {@code samples < 1}
   */
  public static double processNanos(int samples) {
    requirePositive(samples, "samples");
    List<String> command = childCommand();
    startAndWait(command); // warm-up: ProcessBuilder's classes and the helper binary
    long total = 0;
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      startAndWait(command);
      total += System.nanoTime() - start;
    }
    return (double) total / samples;
  }

  /**
   * Runs every task on a new platform thread of its own and returns the wall time from the first
   * task handed out until every task has finished.
   */
  public static Duration threadPerTask(List<Runnable> tasks) {
    List<Thread> threads = new ArrayList<>(tasks.size());
    long start = System.nanoTime();
    for (Runnable task : tasks) {
      threads.add(Thread.ofPlatform().start(task));
    }
    for (Thread thread : threads) {
      joinUninterruptibly(thread);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Runs every task on one fixed pool of {@code poolSize} threads and returns the wall time from
   * the first task handed out until every task has finished. The pool has terminated when this
   * method returns.
   *
   * @throws IllegalArgumentException if {@code poolSize < 1}
   */
  public static Duration pooled(List<Runnable> tasks, int poolSize) {
    requirePositive(poolSize, "poolSize");
    ExecutorService pool = Executors.newFixedThreadPool(poolSize);
    try {
      List<Future<?>> futures = new ArrayList<>(tasks.size());
      long start = System.nanoTime();
      for (Runnable task : tasks) {
        futures.add(pool.submit(task));
      }
      Duration handedOut = Duration.ofNanos(System.nanoTime() - start);
      for (Future<?> future : futures) {
        future.get();
      }
      return handedOut;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the tasks ran", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a task failed", e.getCause());
    } finally {
      pool.shutdown();
      awaitTermination(pool);
    }
  }

  private static void startAndJoinThread() {
    joinUninterruptibly(Thread.ofPlatform().start(EMPTY));
  }

  private static void startAndWait(List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      process.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + command, e);
    }
  }

  /** {@code true} from the PATH if there is one, else this JVM's {@code java -version}. */
  static List<String> childCommand() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        File candidate = new File(dir.isEmpty() ? "." : dir, "true");
        if (candidate.isFile() && candidate.canExecute()) {
          return List.of(candidate.getPath());
        }
      }
    }
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    return List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-version");
  }

  private static void awaitTermination(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.DAYS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
