package forklab.sandbox.local;

import forklab.files.FileTrees;
import forklab.sandbox.Execution;
import forklab.sandbox.ExecutionResult;
import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import forklab.sandbox.StreamPump;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs each execution as a child JVM of the grader. Isolation is by process: an empty environment,
 * a fresh work folder that is deleted afterwards, a heap cap, and a PID namespace when {@code
 * unshare} works here (otherwise a sweep of every process carrying the run's marker).
 */
public final class LocalSandbox implements Sandbox {
  static final String RUN_MARKER = "FORKLAB_RUN";
  private static final Duration PUMP_GRACE = Duration.ofSeconds(3);

  private final Path javaBinary;
  private final Path scratch;
  private final List<String> isolationPrefix;

  public LocalSandbox(Path scratch) {
    this.javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
    this.scratch = scratch;
    this.isolationPrefix = Isolation.prefix();
  }

  @Override
  public String name() {
    return "local";
  }

  /** Whether executions get their own PID namespace here. */
  public boolean hasPidNamespace() {
    return !isolationPrefix.isEmpty();
  }

  @Override
  public ExecutionResult execute(Execution execution, Consumer<String> stdoutLines)
      throws SandboxException, InterruptedException {
    String runId = UUID.randomUUID().toString();
    Path workDir;
    try {
      workDir = Files.createDirectories(scratch.resolve("run-" + runId));
      Files.createDirectories(workDir.resolve("tmp"));
    } catch (IOException e) {
      throw new SandboxException("cannot create a work folder under " + scratch + ": " + e.getMessage(), e);
    }
    List<String> command = new ArrayList<>(isolationPrefix);
    command.add(javaBinary.toString());
    command.addAll(execution.standardJvmOptions(workDir.resolve("tmp").toString()));
    command.addAll(execution.jvmOptions());
    command.add("-cp");
    command.add(String.join(File.pathSeparator, execution.classpath().stream().map(Path::toString).toList()));
    command.add(execution.mainClass());

    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(execution.environment());
    builder.environment().put("HOME", workDir.toString());
    builder.environment().put("TMPDIR", workDir.resolve("tmp").toString());
    builder.environment().put(RUN_MARKER, runId);

    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      FileTrees.deleteQuietly(workDir);
      throw new SandboxException("cannot start " + javaBinary + ": " + e.getMessage(), e);
    }
    StreamPump.Tail stderr = StreamPump.tail(Execution.STDERR_KEPT_CHARS);
    Thread out = StreamPump.start(execution.label() + "-stdout", process.getInputStream(), stdoutLines, Execution.MAX_LINE_CHARS);
    Thread err = StreamPump.start(execution.label() + "-stderr", process.getErrorStream(), stderr, Execution.MAX_LINE_CHARS);
    boolean timedOut = false;
    try {
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(execution.stdin().getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // The JVM died before reading its input; its exit code tells why.
      }
      timedOut = !process.waitFor(execution.limits().timeLimitSeconds(), TimeUnit.SECONDS);
    } finally {
      ProcessTree.kill(process, RUN_MARKER, runId);
      out.join(PUMP_GRACE.toMillis());
      err.join(PUMP_GRACE.toMillis());
      FileTrees.deleteQuietly(workDir);
    }
    int exitCode = process.waitFor();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return new ExecutionResult(exitCode, timedOut, false, elapsed, stderr.toString(), Map.of("run", elapsed));
  }

}
