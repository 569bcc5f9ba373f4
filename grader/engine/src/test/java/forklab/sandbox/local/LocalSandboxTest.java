package forklab.sandbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import forklab.build.CompileResult;
import forklab.build.JavaCompilation;
import forklab.course.Limits;
import forklab.sandbox.Execution;
import forklab.sandbox.ExecutionResult;
import java.io.IOException;
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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class LocalSandboxTest {
  private static final String PROGRAMS =
      """
      package forklab.probe;

      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.TreeMap;

      class Programs {
        static void parkForever() throws InterruptedException {
          while (true) {
            Thread.sleep(60_000);
          }
        }
      }

      class PrintEnvironment {
        public static void main(String[] args) {
          new TreeMap<>(System.getenv()).forEach((name, value) -> System.out.println("env " + name + "=" + value));
          System.out.println("dir " + Path.of("").toAbsolutePath());
          System.out.println("tmpdir " + System.getProperty("java.io.tmpdir"));
        }
      }

      class Echo {
        public static void main(String[] args) throws Exception {
          byte[] input = System.in.readAllBytes();
          System.out.println("read " + input.length + " bytes");
          System.out.write(input);
          System.out.flush();
          System.exit(7);
        }
      }

      class Noisy {
        public static void main(String[] args) {
          for (int i = 0; i < 2000; i++) {
            System.err.println("warning " + i + ": something is not quite right");
          }
          System.err.println("last words");
          System.out.println("done");
        }
      }

      class Spawner {
        public static void main(String[] args) throws Exception {
          String sleep = System.getenv("SLEEP_BINARY");
          Process plain = new ProcessBuilder(sleep, "300").start();
          Process second = new ProcessBuilder(sleep, "301").start();
          Process detached = new ProcessBuilder(System.getenv("SETSID_BINARY"), sleep, "302").start();
          System.out.println("pids " + plain.pid() + " " + second.pid() + " " + detached.pid());
          System.out.println("ready");
          Path go = Path.of(System.getenv("GO_FILE"));
          while (!Files.exists(go)) {
            Thread.sleep(10);
          }
          if (System.getenv("STAY") != null) {
            Programs.parkForever();
          }
        }
      }
      """;

  @TempDir static Path programs;
  private static Path classes;

  @TempDir Path scratch;
  @TempDir Path signals;

  @BeforeAll
  static void compilePrograms() throws Exception {
    Path src = programs.resolve("src");
    Path file = src.resolve("forklab/probe/Programs.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, PROGRAMS);
    CompileResult compiled =
        new JavaCompilation().compile(List.of(file), src, List.of(), programs.resolve("classes"));
    assertThat(compiled.errors()).isEmpty();
    classes = compiled.classes();
  }

  @Test
  void givesTheJvmOnlyItsOwnVariablesPlusHomeTmpdirAndTheRunMarker() throws Exception {
    List<String> lines = new ArrayList<>();

    ExecutionResult result =
        sandbox()
            .execute(
                execution("PrintEnvironment", 20, "", Map.of("GREETING", "hello world")),
                lines::add);

    assertThat(result.exitCode()).isZero();
    Map<String, String> env = new LinkedHashMap<>();
    lines.stream()
        .filter(line -> line.startsWith("env "))
        .map(line -> line.substring(4).split("=", 2))
        .forEach(pair -> env.put(pair[0], pair[1]));
    assertThat(env.keySet()).containsExactlyInAnyOrder("GREETING", "HOME", "TMPDIR", "FORKLAB_RUN");
    assertThat(env).containsEntry("GREETING", "hello world");
    Path home = Path.of(env.get("HOME"));
    assertThat(home.getParent()).isEqualTo(scratch);
    assertThat(home.getFileName().toString()).isEqualTo("run-" + env.get("FORKLAB_RUN"));
    assertThat(UUID.fromString(env.get("FORKLAB_RUN")).toString())
        .isEqualTo(env.get("FORKLAB_RUN"));
    assertThat(env).containsEntry("TMPDIR", home.resolve("tmp").toString());
    assertThat(lines).contains("dir " + home, "tmpdir " + home.resolve("tmp"));
  }

  @Test
  void deletesTheWorkFolderAfterwards() throws Exception {
    sandbox().execute(execution("PrintEnvironment", 20, "", Map.of()), line -> {});

    try (Stream<Path> left = Files.list(scratch)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void killsAProgramThatNeverEndsAtItsTimeLimitWithEveryProcessItStarted() throws Exception {
    ExecutionResult result = runSpawnerAndCheckNoProcessSurvives(Map.of("STAY", "yes"), 2);

    assertThat(result.timedOut()).isTrue();
    assertThat(result.exitCode()).isEqualTo(137);
    assertThat(result.outOfMemory()).isFalse();
    assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void leavesNoChildBehindWhenTheProgramEndsNormally() throws Exception {
    ExecutionResult result = runSpawnerAndCheckNoProcessSurvives(Map.of(), 30);

    assertThat(result.timedOut()).as(result.stderr()).isFalse();
    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  @Test
  void deliversStandardInputAndThenClosesIt() throws Exception {
    List<String> lines = new ArrayList<>();

    ExecutionResult result =
        sandbox()
            .execute(execution("Echo", 20, "key=abc\nmode=run\n\ngrüße\n", Map.of()), lines::add);

    assertThat(result.timedOut()).isFalse();
    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(lines).containsExactly("read 26 bytes", "key=abc", "mode=run", "", "grüße");
  }

  @Test
  void keepsTheEndOfStandardErrorApartFromStandardOutput() throws Exception {
    List<String> lines = new ArrayList<>();

    ExecutionResult result = sandbox().execute(execution("Noisy", 20, "", Map.of()), lines::add);

    assertThat(lines).containsExactly("done");
    assertThat(result.stderr())
        .startsWith("[... earlier output dropped]\n")
        .endsWith("warning 1999: something is not quite right\nlast words\n")
        .doesNotContain("warning 0:")
        .hasSize("[... earlier output dropped]\n".length() + Execution.STDERR_KEPT_CHARS);
  }

  @Test
  void killsOrphanedAndDetachedDescendantsByTheirMarkerWithoutAPidNamespace() throws Exception {
    String runId = UUID.randomUUID().toString();
    Path go = signals.resolve("go");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx64m",
            "-cp",
            classes.toString(),
            "forklab.probe.Spawner");
    builder.environment().clear();
    builder.environment().put(LocalSandbox.RUN_MARKER, runId);
    builder.environment().put("SLEEP_BINARY", binary("sleep"));
    builder.environment().put("SETSID_BINARY", binary("setsid"));
    builder.environment().put("GO_FILE", go.toString());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    List<Long> children;
    try {
      var out = process.inputReader(StandardCharsets.UTF_8);
      List<String> pids = List.of(out.readLine().substring("pids ".length()).split(" "));
      assertThat(out.readLine()).isEqualTo("ready");
      children = pids.stream().map(Long::parseLong).toList();
      Files.createFile(go);
      assertThat(process.waitFor()).isZero();
      assertThat(children)
          .as("children orphaned by their parent's exit")
          .allSatisfy(pid -> assertThat(running(pid)).as("child %d", pid).isTrue());

      ProcessTree.kill(process, LocalSandbox.RUN_MARKER, runId);
    } finally {
      carrying(LocalSandbox.RUN_MARKER + "=" + runId)
          .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    assertThat(children)
        .allSatisfy(pid -> assertThat(running(pid)).as("child %d still runs", pid).isFalse());
    assertThat(ProcessTree.marked(LocalSandbox.RUN_MARKER + "=" + runId)).isEmpty();
  }

  @Test
  void killsALiveProcessTreeWithItsDetachedChild() throws Exception {
    String runId = UUID.randomUUID().toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx64m",
            "-cp",
            classes.toString(),
            "forklab.probe.Spawner");
    builder.environment().clear();
    builder.environment().put(LocalSandbox.RUN_MARKER, runId);
    builder.environment().put("SLEEP_BINARY", binary("sleep"));
    builder.environment().put("SETSID_BINARY", binary("setsid"));
    builder.environment().put("GO_FILE", signals.resolve("never").toString());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    List<Long> children;
    try {
      var out = process.inputReader(StandardCharsets.UTF_8);
      children =
          Stream.of(out.readLine().substring("pids ".length()).split(" "))
              .map(Long::parseLong)
              .toList();
      assertThat(out.readLine()).isEqualTo("ready");

      ProcessTree.kill(process, LocalSandbox.RUN_MARKER, runId);
    } finally {
      carrying(LocalSandbox.RUN_MARKER + "=" + runId)
          .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    assertThat(process.waitFor()).isEqualTo(137);
    assertThat(children)
        .allSatisfy(pid -> assertThat(running(pid)).as("child %d still runs", pid).isFalse());
  }

  /**
   * Runs {@code Spawner}, which starts two children and one detached with {@code setsid}, then
   * records (in the host's PID namespace) every process that carries a probe variable in its
   * environment while they all run, and checks that none of them outlives {@code execute}. The
   * program ends once it has been seen, unless {@code STAY} is set.
   */
  private ExecutionResult runSpawnerAndCheckNoProcessSurvives(
      Map<String, String> extra, int timeLimitSeconds) throws Exception {
    String probe = "PROBE=" + UUID.randomUUID();
    Path go = signals.resolve("go");
    Map<String, String> environment = new LinkedHashMap<>(extra);
    environment.put("PROBE", probe.substring("PROBE=".length()));
    environment.put("SLEEP_BINARY", binary("sleep"));
    environment.put("SETSID_BINARY", binary("setsid"));
    environment.put("GO_FILE", go.toString());
    LocalSandbox sandbox = sandbox();
    List<String> printedPids = new ArrayList<>();
    Map<Long, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
    Consumer<String> lines =
        line -> {
          if (line.startsWith("pids ")) {
            printedPids.addAll(List.of(line.substring(5).split(" ")));
          }
          if (line.equals("ready")) {
            carrying(probe).forEach(pid -> seen.put(pid, commandLine(pid)));
            try {
              Files.createFile(go);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };

    ExecutionResult result =
        sandbox.execute(execution("Spawner", timeLimitSeconds, "", environment), lines);

    assertThat(seen.values())
        .as("the sleeping children seen while the program ran")
        .filteredOn(command -> command.matches(".*sleep 30[012] "))
        .hasSize(3);
    assertThat(seen.keySet())
        .as("processes that carried the probe")
        .allSatisfy(
            pid ->
                assertThat(running(pid))
                    .as("process %d (%s) still runs", pid, seen.get(pid))
                    .isFalse());
    assertThat(carrying(probe)).isEmpty();
    assertThat(printedPids).hasSize(3);
    if (!sandbox.hasPidNamespace()) {
      for (String pid : printedPids) {
        assertThat(running(Long.parseLong(pid))).as("child %s still runs", pid).isFalse();
      }
    }
    return result;
  }

  /** The bare child-process sandbox; bubblewrap's confinement is proven by the attack suite. */
  private LocalSandbox sandbox() {
    return LocalSandbox.trusted(scratch);
  }

  private static Execution execution(
      String mainClass, int timeLimitSeconds, String stdin, Map<String, String> environment) {
    return new Execution(
        mainClass,
        List.of(classes),
        "forklab.probe." + mainClass,
        List.of(),
        stdin,
        new Limits(timeLimitSeconds, 5, 64, 64, 256, 64, 1),
        environment);
  }

  private static String binary(String name) {
    return Stream.of("/usr/bin", "/bin")
        .map(folder -> Path.of(folder, name))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(name + " is not installed"))
        .toString();
  }

  /**
   * Live processes whose environment holds {@code entry}, read from /proc as the host sees them.
   */
  private static List<Long> carrying(String entry) {
    byte[] wanted = (entry + "\0").getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      return entries
          .filter(path -> path.getFileName().toString().matches("\\d+"))
          .filter(path -> contains(read(path.resolve("environ")), wanted))
          .map(path -> Long.parseLong(path.getFileName().toString()))
          .filter(LocalSandboxTest::running)
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Whether {@code pid} exists and is not a zombie waiting for its parent to reap it. */
  private static boolean running(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    String stat =
        new String(read(Path.of("/proc", Long.toString(pid), "stat")), StandardCharsets.UTF_8);
    int end = stat.lastIndexOf(')');
    return end > 0 && end + 2 < stat.length() && "ZX".indexOf(stat.charAt(end + 2)) < 0;
  }

  private static String commandLine(long pid) {
    return new String(read(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
        .replace('\0', ' ');
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException | SecurityException e) {
      return new byte[0];
    }
  }

  private static boolean contains(byte[] bytes, byte[] wanted) {
    outer:
    for (int start = 0; start + wanted.length <= bytes.length; start++) {
      if (start > 0 && bytes[start - 1] != 0) {
        continue;
      }
      for (int i = 0; i < wanted.length; i++) {
        if (bytes[start + i] != wanted[i]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void probeVariablesAreMatchedOnlyAsWholeEntries() {
    byte[] environ = "A=1\0PROBE=abc-def\0B=2\0".getBytes(StandardCharsets.UTF_8);

    assertThat(contains(environ, "PROBE=abc-def\0".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(contains(environ, "PROBE=abc\0".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(contains(environ, "ROBE=abc-def\0".getBytes(StandardCharsets.UTF_8))).isFalse();
  }
}
