package forklab.engine;

import forklab.course.Course;
import forklab.run.RunnerLibrary;
import forklab.sandbox.local.LocalSandbox;
import forklab.score.CheckResult;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths and factories shared by the grader's integration tests. */
public final class Fixtures {
  private Fixtures() {}

  /** The repository root, which surefire passes as {@code forklab.home}. */
  public static Path home() {
    return Path.of(System.getProperty("forklab.home", "../..")).toAbsolutePath().normalize();
  }

  /** The test-only course with exercise {@code ex90-echo}. */
  public static Path echoCourse() {
    return Path.of("src/test/fixtures/course").toAbsolutePath();
  }

  /** Submissions to the echo course, one folder each. */
  public static Path echoSubmission(String name) {
    return Path.of("src/test/fixtures/submissions").resolve(name).toAbsolutePath();
  }

  /** A workbench for {@code courseHome} whose check-suite cache outlives the test, to save time. */
  public static Workbench workbench(Path courseHome, Path scratch) {
    Path cache = home().resolve(".forklab/test-cache");
    return new Workbench(Course.load(courseHome), RunnerLibrary.of(home()), cache, scratch);
  }

  public static GradeResult grade(Workbench workbench, Path submission, List<String> only)
      throws Exception {
    try (LocalSandbox sandbox = new LocalSandbox(workbench.scratch())) {
      return workbench
          .grader(sandbox)
          .grade(GradeOptions.of(submission, only, 42), List.of(), line -> {});
    }
  }

  public static CheckResult check(ExerciseResult exercise, String name) {
    return exercise.checks().stream()
        .filter(check -> check.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no check '"
                        + name
                        + "' in "
                        + exercise.checks().stream().map(CheckResult::name).toList()));
  }

  /**
   * Runs {@code script} with bash in {@code folder} and fails unless it succeeds: for files Java
   * cannot make, such as names that are not UTF-8 or paths nested deeper than PATH_MAX.
   */
  public static void shell(Path folder, String script) throws IOException, InterruptedException {
    Process bash =
        new ProcessBuilder("bash", "-c", script)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (bash.waitFor() != 0) {
      throw new AssertionError("bash -c '" + script + "' failed: " + output);
    }
  }

  /**
   * Processes whose environment carries a Forklab run marker and a work folder under {@code
   * scratch}.
   */
  public static List<Long> markedProcesses(Path scratch) throws IOException {
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      return entries
          .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(
              path -> {
                try {
                  String environ = environ(path);
                  return environ.contains("FORKLAB_RUN=") && environ.contains("TMPDIR=" + scratch);
                } catch (IOException | SecurityException gone) {
                  return false;
                }
              })
          .map(path -> Long.parseLong(path.getFileName().toString()))
          .toList();
    }
  }

  private static String environ(Path process) throws IOException {
    return new String(Files.readAllBytes(process.resolve("environ")), StandardCharsets.ISO_8859_1);
  }

  /** Whether any process on this machine runs a command line containing {@code text}. */
  public static List<ProcessHandle> processesRunning(String text) {
    return ProcessHandle.allProcesses()
        .filter(
            handle -> handle.info().commandLine().map(line -> line.contains(text)).orElse(false))
        .toList();
  }
}
