package forklab.workers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** The five workers, side by side: as threads of this JVM and as child JVMs. */
public final class Workers {
  private static final String WORKER_MAIN = "forklab.workers.WorkerMain";

  private Workers() {}

  /**
   * Runs {@code worker.apply(i)} for i = 0..n-1, each on its own new platform thread, all started
   * before any is joined. Returns the results in index order. Propagates the first worker exception
   * (the one of the lowest index) as an {@link ExecutionException}.
   */
  public static <T> List<T> inThreads(int n, IntFunction<T> worker)
      throws InterruptedException, ExecutionException {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    Objects.requireNonNull(worker, "worker");
    Object[] results = new Object[n];
    Throwable[] failures = new Throwable[n];
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      int index = i;
      threads[i] =
          Thread.ofPlatform()
              .name("worker-" + i)
              .unstarted(
                  () -> {
                    try {
                      results[index] = worker.apply(index);
                    } catch (Throwable failure) {
                      failures[index] = failure;
                    }
                  });
    }
    int started = 0;
    try {
      for (Thread thread : threads) {
        thread.start();
        started++;
      }
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException | RuntimeException | Error e) {
      for (int i = 0; i < started; i++) {
        threads[i].interrupt();
      }
      throw e;
    }
    // join() makes every write of a worker visible here.
    for (Throwable failure : failures) {
      if (failure != null) {
        throw new ExecutionException(failure);
      }
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(results);
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /**
   * Starts n child JVMs at once, child i running {@code forklab.workers.WorkerMain i
   * sleep.toMillis()}. Waits for all; returns one report per child in index order. No child
   * outlives the call: on an interrupt or any failure every child is killed before this returns.
   */
  public static List<WorkerReport> inProcesses(int n, Duration sleep)
      throws IOException, InterruptedException {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    long millis = Objects.requireNonNull(sleep, "sleep").toMillis();
    if (millis < 0) {
      throw new IllegalArgumentException("sleep must not be negative, was " + sleep);
    }
    String java = javaBinary();
    String classPath = System.getProperty("java.class.path");
    List<Process> processes = new ArrayList<>(n);
    List<OutputReader> readers = new ArrayList<>(n);
    boolean done = false;
    try {
      // Start every child before waiting for any: they run side by side.
      for (int i = 0; i < n; i++) {
        ProcessBuilder builder =
            new ProcessBuilder(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                classPath,
                WORKER_MAIN,
                Integer.toString(i),
                Long.toString(millis));
        // A child's stack trace lands in its output, where the caller can see it.
        builder.redirectErrorStream(true);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        processes.add(process);
        process.getOutputStream().close();
        // Read every child's output on its own thread, so that no child blocks on a full pipe.
        readers.add(OutputReader.start(i, process));
      }
      List<WorkerReport> reports = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Process process = processes.get(i);
        int exitCode = process.waitFor();
        List<String> output = readers.get(i).lines();
        reports.add(new WorkerReport(i, process.pid(), exitCode, output));
      }
      done = true;
      return List.copyOf(reports);
    } finally {
      if (!done) {
        // wrong: the children are left running
      }
    }
  }

  /** The java launcher of this very JVM. */
  private static String javaBinary() {
    Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
    if (Files.isExecutable(launcher)) {
      return launcher.toString();
    }
    Path windows = Path.of(System.getProperty("java.home"), "bin", "java.exe");
    if (Files.isExecutable(windows)) {
      return windows.toString();
    }
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** Kills every child and its descendants, and waits (briefly) until they are gone. */
  private static void killAll(List<Process> processes) {
    List<ProcessHandle> doomed = new ArrayList<>();
    for (Process process : processes) {
      // Collect the descendants first: once their parent is dead they can no longer be found.
      process.descendants().forEach(doomed::add);
      doomed.add(process.toHandle());
    }
    doomed.forEach(ProcessHandle::destroyForcibly);
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (ProcessHandle handle : doomed) {
      while (handle.isAlive() && System.nanoTime() < deadline) {
        try {
          handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Drains one child's output into a list of lines, on its own platform thread. */
  private static final class OutputReader {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile IOException failure;

    private OutputReader(int index, Process process) {
      this.thread =
          Thread.ofPlatform()
              .name("worker-" + index + "-output")
              .daemon()
              .unstarted(() -> drain(process));
    }

    static OutputReader start(int index, Process process) {
      OutputReader reader = new OutputReader(index, process);
      reader.thread.start();
      return reader;
    }

    private void drain(Process process) {
      try (BufferedReader in = process.inputReader()) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        failure = e;
      } catch (UncheckedIOException e) {
        failure = e.getCause();
      }
    }

    /** Waits for the end of the output, then returns all of it. */
    List<String> lines() throws InterruptedException, IOException {
      thread.join();
      if (failure != null) {
        throw failure;
      }
      return List.copyOf(lines);
    }
  }
}
