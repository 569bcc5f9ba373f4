package forklab.sandbox.local;

import forklab.files.FileTrees;
import forklab.sandbox.Execution;
import forklab.sandbox.ExecutionResult;
import forklab.sandbox.Isolation;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs each execution as a child JVM of the grader, confined by bubblewrap where it works here
 * ({@link Isolation#NAMESPACES}, see {@link Bubblewrap}), otherwise as a bare child process ({@link
 * Isolation#PROCESS}: an empty environment, a fresh work folder deleted afterwards, a heap cap and,
 * where {@code unshare} works, its own PID namespace), which only trusted code may use.
 */
public final class LocalSandbox implements Sandbox {
  static final String RUN_MARKER = "FORKLAB_RUN";
  private static final Duration PUMP_GRACE = Duration.ofSeconds(3);

  /** The first Java release whose launcher knows {@code --illegal-native-access}. */
  private static final int HARDENING_RELEASE = 24;

  private final Path javaHome;
  private final Path scratch;
  private final boolean confined;
  private final List<String> processPrefix;
  private final Staging staging;

  private LocalSandbox(Path scratch, boolean confined) {
    this.javaHome = Path.of(System.getProperty("java.home"));
    this.scratch = scratch;
    this.confined = confined;
    this.processPrefix = confined ? List.of() : ProcessIsolation.prefix();
    this.staging = new Staging(scratch.resolve("staged"));
  }

  /**
   * The best local sandbox this machine offers: bubblewrap where it works, else a bare child
   * process.
   */
  public LocalSandbox(Path scratch) {
    this(scratch, Bubblewrap.unavailable().isEmpty());
  }

  /** A bare child process, for code the course itself provides (listing the checks). */
  public static LocalSandbox trusted(Path scratch) {
    return new LocalSandbox(scratch, false);
  }

  /**
   * A sandbox confined by bubblewrap.
   *
   * @throws SandboxException when bubblewrap cannot confine a JVM here, saying why
   */
  public static LocalSandbox confined(Path scratch) throws SandboxException {
    Optional<String> problem = Bubblewrap.unavailable();
    if (problem.isPresent()) {
      throw new SandboxException(problem.get());
    }
    return new LocalSandbox(scratch, true);
  }

  /** Why bubblewrap cannot confine a JVM here, or empty when it can. */
  public static Optional<String> bubblewrapUnavailable() {
    return Bubblewrap.unavailable();
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public Isolation isolation() {
    return confined ? Isolation.NAMESPACES : Isolation.PROCESS;
  }

  @Override
  public boolean hardensJvm() {
    return Runtime.version().feature() >= HARDENING_RELEASE;
  }

  /** Whether executions get their own PID namespace here. */
  public boolean hasPidNamespace() {
    return confined || !processPrefix.isEmpty();
  }

  @Override
  public ExecutionResult execute(Execution execution, Consumer<String> stdoutLines)
      throws SandboxException, InterruptedException {
    String runId = UUID.randomUUID().toString();
    Path workDir = scratch.resolve("run-" + runId);
    if (!confined) {
      try {
        Files.createDirectories(workDir.resolve("tmp"));
      } catch (IOException e) {
        throw new SandboxException(
            "cannot create a work folder under " + scratch + ": " + e.getMessage(), e);
      }
    }
    Map<String, String> environment = new LinkedHashMap<>(execution.environment());
    environment.put("HOME", workDir.toString());
    environment.put("TMPDIR", workDir.resolve("tmp").toString());
    environment.put(RUN_MARKER, runId);

    List<Path> classpath = execution.classpath();
    List<Path> modules = execution.trustedModules();
    List<Path> agents = execution.agents();
    List<String> command = new ArrayList<>();
    if (confined) {
      try {
        classpath = staging.reachable(classpath);
        modules = staging.reachable(modules);
        agents = staging.reachable(agents);
      } catch (IOException e) {
        throw new SandboxException(
            "cannot stage the class path for the sandbox user: " + e.getMessage(), e);
      }
      List<Path> readOnly = Stream.of(classpath, modules, agents).flatMap(List::stream).toList();
      command.addAll(
          Bubblewrap.command(javaHome, readOnly, workDir, environment, execution.limits().pids()));
    } else {
      command.addAll(processPrefix);
    }
    command.add(javaHome.resolve("bin/java").toString());
    command.addAll(execution.standardJvmOptions(workDir.resolve("tmp").toString()));
    command.addAll(execution.nativeAccessOptions(modules.stream().map(Path::toString).toList()));
    command.addAll(Execution.agentOptions(agents.stream().map(Path::toString).toList()));
    command.addAll(execution.jvmOptions());
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    command.add(execution.mainClass());

    ProcessBuilder builder =
        new ProcessBuilder(command).directory(confined ? scratch.toFile() : workDir.toFile());
    builder.environment().clear();
    builder
        .environment()
        .putAll(confined ? Map.of("PATH", "/usr/bin:/bin:/usr/sbin:/sbin") : environment);

    long started = System.nanoTime();
    Process process;
    try {
      Files.createDirectories(scratch);
      process = builder.start();
    } catch (IOException e) {
      FileTrees.deleteQuietly(workDir);
      throw new SandboxException("cannot start " + command.getFirst() + ": " + e.getMessage(), e);
    }
    StreamPump.Tail stderr = StreamPump.tail(Execution.STDERR_KEPT_CHARS);
    Thread out =
        StreamPump.start(
            execution.label() + "-stdout",
            process.getInputStream(),
            stdoutLines,
            Execution.MAX_LINE_CHARS);
    Thread err =
        StreamPump.start(
            execution.label() + "-stderr",
            process.getErrorStream(),
            stderr,
            Execution.MAX_LINE_CHARS);
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
    return new ExecutionResult(
        exitCode, timedOut, false, elapsed, stderr.toString(), Map.of("run", elapsed));
  }
}
