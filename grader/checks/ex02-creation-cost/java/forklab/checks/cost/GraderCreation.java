package forklab.checks.cost;

import forklab.api.watch.Uninterruptibly;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The grader's own measurements of what the submission measures, and the counters that show what a
 * call really started. The checks never trust the submission's figures on their own.
 */
final class GraderCreation {
  /** Linux: the last pid given out in this PID namespace, to threads and processes alike. */
  private static final String LAST_PID = "/proc/sys/kernel/ns_last_pid";

  private static final Runnable EMPTY = () -> {};

  private GraderCreation() {}

  /** The mean nanoseconds to create, start and join one new platform thread with an empty task. */
  static double threadNanos(int samples) {
    long total = 0;
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      Uninterruptibly.join(Thread.ofPlatform().start(EMPTY));
      total += System.nanoTime() - start;
    }
    return (double) total / samples;
  }

  /** The mean nanoseconds to start one child ({@link #childCommand()}) and wait for it. */
  static double processNanos(int samples) {
    List<String> command = childCommand();
    long total = 0;
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      startAndWait(command);
      total += System.nanoTime() - start;
    }
    return (double) total / samples;
  }

  /** {@code true} from the PATH, or this JVM's {@code java -version} where there is none. */
  static List<String> childCommand() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String folder : path.split(File.pathSeparator)) {
        File candidate = new File(folder.isEmpty() ? "." : folder, "true");
        if (candidate.isFile() && candidate.canExecute()) {
          return List.of(candidate.getPath());
        }
      }
    }
    return List.of(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "-version");
  }

  /** What {@link #childCommand()} starts, in words for the feedback. */
  static String child() {
    List<String> command = childCommand();
    return command.size() == 1 ? command.getFirst() : "java -version";
  }

  private static void startAndWait(List<String> command) {
    try {
      new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("the grader could not start " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the grader measured a process", e);
    }
  }

  /** Platform threads started in this JVM so far (virtual threads do not count). */
  static long startedThreads() {
    return ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
  }

  /**
   * The threads and processes started so far, as far as this machine can tell: the JVM's count of
   * started platform threads and, on Linux, the last pid given out in this PID namespace.
   */
  record Started(long threads, OptionalLong lastPid) {
    /**
     * Before a call: the pid first, so that a thread someone else starts between the two readings
     * can only make the processes since look more, never fewer.
     */
    static Started before() {
      OptionalLong pid = readLastPid();
      return new Started(startedThreads(), pid);
    }

    /** After a call: the threads first, for the same reason. */
    static Started after() {
      long threads = startedThreads();
      return new Started(threads, readLastPid());
    }

    /** New platform threads since {@code before}. */
    long threadsSince(Started before) {
      return threads - before.threads;
    }

    /**
     * New processes since {@code before}, at least: every new thread and process takes a pid, so
     * the pids given out less the platform threads started are the processes (and any of the JVM's
     * own hidden threads, which only err upwards). Empty where the pids cannot be read, or when
     * they wrapped around.
     */
    OptionalLong processesSince(Started before) {
      if (lastPid.isEmpty() || before.lastPid.isEmpty()) {
        return OptionalLong.empty();
      }
      long pids = lastPid.getAsLong() - before.lastPid.getAsLong();
      if (pids < 0) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(Math.max(0, pids - threadsSince(before)));
    }
  }

  private static OptionalLong readLastPid() {
    // FileInputStream, not Files.readString: a /proc/sys file reports a size of 0.
    try (InputStream in = new FileInputStream(LAST_PID)) {
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
      return OptionalLong.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException | SecurityException e) {
      return OptionalLong.empty();
    }
  }


  /** Nanoseconds in microseconds, with one decimal: "402.5 µs". */
  static String micros(double nanos) {
    return String.format(Locale.ROOT, "%,.1f µs", nanos / 1e3);
  }

  /** Nanoseconds in milliseconds, with one decimal: "3,812.0 ms". */
  static String millis(double nanos) {
    return String.format(Locale.ROOT, "%,.1f ms", nanos / 1e6);
  }

  /** A ratio with two decimals: "1.12x". */
  static String times(double ratio) {
    return String.format(Locale.ROOT, "%.2fx", ratio);
  }
}
