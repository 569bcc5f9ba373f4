package forklab.supervisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tasks in child JVMs, at most C at once, so that whatever a task does this JVM survives and
 * learns what happened.
 *
 * <p>Each child gets an environment variable of its own, a random token. Every process it starts
 * inherits it, even one that detached with {@code setsid} and was re-parented to init, where {@link
 * ProcessHandle#descendants()} no longer finds it; so when a child ends, the supervisor kills every
 * process whose environment holds its token (the way Jenkins finds the processes a build left).
 */
public final class Supervisor {
  /** The environment variable that marks every process of one task. */
  static final String TOKEN_VARIABLE = "FORKLAB_SUPERVISOR_TASK";

  private static final String CHILD_MAIN = TaskMain.class.getName();
  private static final Duration KILL_WAIT = Duration.ofSeconds(2);

  private final Duration timeout;
  private final int maxHeapMb;

  /**
   * @param timeout how long each task may run, counted from the start of its own child JVM
   * @param maxHeapMb the largest heap of each child JVM, in MiB ({@code -Xmx})
   */
  public Supervisor(Duration timeout, int maxHeapMb) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxHeapMb < 8) {
      throw new IllegalArgumentException("maxHeapMb must be at least 8, was " + maxHeapMb);
    }
    this.timeout = timeout;
    this.maxHeapMb = maxHeapMb;
  }

  /**
   * Runs each task in a child JVM of its own, at most C at once (C = the available processors),
   * each with {@code input}, and returns their outcomes in the order of {@code tasks}. When it
   * returns, no process it started, nor any process those started, is alive.
   */
  public List<Outcome> runAll(List<Class<? extends Task>> tasks, String input) {
    Objects.requireNonNull(input, "input");
    int concurrency = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Outcome>> pending = new ArrayList<>(tasks.size());
      for (Class<? extends Task> task : tasks) {
        pending.add(pool.submit(() -> runOne(task, input)));
      }
      List<Outcome> outcomes = new ArrayList<>(tasks.size());
      for (Future<Outcome> outcome : pending) {
        outcomes.add(outcome.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while tasks ran; their processes are killed", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not run a task: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow(); // interrupts the workers still waiting: each kills its own processes
      pool.close();
    }
  }

  /** Runs one task in a child JVM and waits for its end, or kills it at the timeout. */
  private Outcome runOne(Class<? extends Task> task, String input)
      throws IOException, InterruptedException {
    String token = UUID.randomUUID().toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + maxHeapMb + "m",
            // A task JVM starts often and lives briefly: start it fast and small.
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData",
            "-Xshare:auto",
            "-cp",
            System.getProperty("java.class.path"),
            CHILD_MAIN,
            task.getName());
    builder.environment().put(TOKEN_VARIABLE, token);
    // The child sends the task's prints to stderr, and nobody needs them: no pipe to fill.
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);

    Instant notBefore = Instant.now().minusSeconds(1);
    long start = System.nanoTime();
    Process child = builder.start();
    try {
      // The report is read while the child runs, so that the child never waits on a full pipe.
      CompletableFuture<byte[]> report = readAll(child.getInputStream());
      sendInput(child.getOutputStream(), input);
      long remaining = timeout.toNanos() - (System.nanoTime() - start);
      boolean ended = child.waitFor(Math.max(0, remaining), TimeUnit.NANOSECONDS);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (!ended) {
        killAll(child, token, notBefore);
        return new Outcome(task.getName(), Status.TIMED_OUT, "", -1, elapsed);
      }
      // The child is gone, but what it started may live on and hold the report pipe open.
      killAll(child, token, notBefore);
      return classify(task.getName(), child.exitValue(), report(report), elapsed);
    } finally {
      if (child.isAlive()) {
        killAll(child, token, notBefore); // interrupted, or an exception above
      }
    }
  }

  private static Outcome classify(String task, int exitCode, String report, Duration elapsed) {
    if (report != null && report.endsWith("\n")) {
      String[] parts = report.substring(0, report.length() - 1).split(" ", -1);
      if (parts.length == 2) {
        try {
          Status status = Status.valueOf(parts[0]);
          String output = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
          return new Outcome(task, status, output, exitCode, elapsed);
        } catch (IllegalArgumentException garbled) {
          // Not a report of ours: the JVM ended some other way.
        }
      }
    }
    return new Outcome(task, Status.CRASHED, "", exitCode, elapsed);
  }

  private static CompletableFuture<byte[]> readAll(InputStream stream) {
    CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (stream) {
                bytes.complete(stream.readAllBytes());
              } catch (IOException e) {
                bytes.complete(new byte[0]);
              }
            });
    return bytes;
  }

  /** The report's text once the pipe has closed, or null when it does not close soon. */
  private static String report(CompletableFuture<byte[]> report) throws InterruptedException {
    try {
      return new String(report.get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }

  private static void sendInput(OutputStream stdin, String input) {
    try (stdin) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    } catch (IOException childGone) {
      // The child ended before it read its input: its exit code tells the rest.
    }
  }

  /**
   * Kills the child, its descendants and every process that carries its token, with SIGKILL (a
   * task may ignore SIGTERM), until none is left.
   */
  private static void killAll(Process child, String token, Instant notBefore) {
    List<ProcessHandle> doomed = new ArrayList<>(child.descendants().toList());
    doomed.add(child.toHandle());
    long deadline = System.nanoTime() + KILL_WAIT.toNanos();
    while (!doomed.isEmpty()) {
      doomed.forEach(ProcessHandle::destroy);
      if (System.nanoTime() > deadline) {
        break;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      // Look again until nobody carries the token: a process may have forked while it was killed.
      // A dead one shows no environment any more, even as a zombie nobody reaps.
      doomed = new ArrayList<>(carrying(token, notBefore));
    }
    try {
      child.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Left to the caller's exitValue().
    }
  }

  /**
   * The live processes, started since {@code notBefore}, whose environment holds {@code
   * TOKEN_VARIABLE=token} (Linux /proc).
   */
  private static List<ProcessHandle> carrying(String token, Instant notBefore) {
    byte[] marker = (TOKEN_VARIABLE + "=" + token).getBytes(StandardCharsets.UTF_8);
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(handle -> handle.pid() != self && handle.isAlive())
        .filter(handle -> handle.info().startInstant().map(notBefore::isBefore).orElse(true))
        .filter(handle -> environmentHolds(handle.pid(), marker))
        .toList();
  }

  private static boolean environmentHolds(long pid, byte[] marker) {
    byte[] environment;
    try {
      environment = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
    } catch (IOException | SecurityException unreadable) {
      return false; // gone, another user's, or no /proc here
    }
    // Variables are separated by NUL bytes: match one whole entry.
    int from = 0;
    for (int i = 0; i <= environment.length; i++) {
      if (i == environment.length || environment[i] == 0) {
        if (Arrays.equals(environment, from, i, marker, 0, marker.length)) {
          return true;
        }
        from = i + 1;
      }
    }
    return false;
  }
}
