package forklab.cli;

import forklab.discover.SubmissionException;
import forklab.engine.Grader;
import forklab.engine.Workbench;
import forklab.report.Reports;
import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forklab grade DIR}: grades one submission and writes the four reports. */
@Command(
    name = "grade",
    header = "Grade a submission and write its four reports to OUT.",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:graded (whatever the score)",
      "1:graded, score below --fail-under",
      "2:bad usage or unreadable submission",
      "3:infrastructure error: no score was given"
    })
final class GradeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "DIR",
      description =
          "a folder laid out like exercises/ (exNN-name/src/main/java), or one such exercise folder")
  Path submission;

  @Option(
      names = "--exercise",
      paramLabel = "ID",
      description = "grade only this exercise (repeatable)")
  List<String> exercises = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "OUT",
      description = "where the reports go (default: ${DEFAULT-VALUE})")
  Path out = Path.of("grade-report");

  @Option(
      names = "--sandbox",
      paramLabel = "MODE",
      description = "auto, docker or local (default: ${DEFAULT-VALUE})")
  SandboxChoice sandbox = SandboxChoice.auto;

  @Option(
      names = "--fail-under",
      paramLabel = "PCT",
      description = "exit 1 when the score is below PCT percent")
  Double failUnder;

  @Option(
      names = "--course",
      paramLabel = "HOME",
      description =
          "the course to use: a folder with exercises/,"
              + " solutions/ and grader/checks/ (default: this Forklab's own)")
  Path course;

  @Option(
      names = "--goal",
      paramLabel = "GOAL",
      description =
          "grade only the checks of this goal: correctness,"
              + " concurrency, isolation, speedup or architecture (repeatable; compiling is always checked)")
  List<String> goals = new ArrayList<>();

  @Option(
      names = "--check",
      paramLabel = "TEXT",
      description = "grade only the checks whose name contains TEXT")
  String check;

  @Option(
      names = "--retry-unjudged",
      paramLabel = "N",
      description =
          "measure an exercise again, up to N times,"
              + " while some of its checks are not judged here (default: ${DEFAULT-VALUE})")
  int retryUnjudged;

  @Option(
      names = "--trusted",
      description =
          "the submission is trusted (your own code, a course's references):"
              + " grade it even where neither Docker nor bubblewrap can isolate it, which --ci otherwise refuses")
  boolean trusted;

  @Option(
      names = "--ci",
      arity = "1",
      paramLabel = "BOOL",
      defaultValue = "${env:CI:-false}",
      description =
          "grade as CI does: untrusted code only in Docker or bubblewrap, exercises that need a"
              + " container only in Docker (default: ${DEFAULT-VALUE}, from the CI variable)")
  boolean ci;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "seed for randomized checks (default: a fresh one, printed)")
  Long seed;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (failUnder != null && (failUnder < 0 || failUnder > 100)) {
      stderr.println(
          "forklab grade: --fail-under takes a percentage from 0 to 100, not " + failUnder);
      return ExitCodes.USAGE;
    }
    long runSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
    try (Workbench workbench = Workbench.forCourse(course)) {
      return run(workbench, runSeed, stdout, stderr);
    }
  }

  private int run(Workbench workbench, long runSeed, PrintWriter stdout, PrintWriter stderr)
      throws Exception {
    List<String> warnings = new ArrayList<>();
    GradeResult grade;
    boolean requireIsolation = ci && !trusted;
    try (Sandbox chosen =
        Sandboxes.open(sandbox, workbench.scratch(), requireIsolation, warnings, stderr)) {
      stderr.println("forklab: seed " + runSeed + ", sandbox " + chosen.name());
      java.util.Set<forklab.api.Goal> onlyGoals = new java.util.HashSet<>();
      for (String goal : goals) {
        onlyGoals.add(forklab.api.Goal.fromId(goal));
      }
      grade =
          workbench
              .grader(chosen)
              .containerRequired(ci)
              .retryUnjudged(retryUnjudged)
              .onlyGoals(onlyGoals)
              .onlyNamed(check)
              .grade(submission, exercises, runSeed, warnings, stderr::println);
    } catch (SubmissionException e) {
      stderr.println("forklab grade: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (SandboxException e) {
      // No score is given, and the reports say why: nothing reads this as the student's failure.
      String message = "the " + sandbox + " sandbox could not be used: " + e.getMessage();
      Reports.writeAll(
          new GradeResult(
              Grader.VERSION,
              sandbox == SandboxChoice.docker ? "docker" : "local",
              java.time.Instant.now(),
              java.time.Duration.ZERO,
              List.of(),
              message,
              warnings),
          out);
      stderr.println("forklab grade: infrastructure error, no score was given: " + message);
      return ExitCodes.INFRASTRUCTURE;
    }
    List<Path> written = Reports.writeAll(grade, out);
    printSummary(stdout, grade, written);
    if (grade.hasInfrastructureError()) {
      stderr.println(
          "forklab grade: infrastructure error, no score was given: "
              + grade.infrastructureError());
      return ExitCodes.INFRASTRUCTURE;
    }
    double percent = grade.maxScore() == 0 ? 100 : 100 * grade.score() / grade.maxScore();
    return failUnder != null && percent < failUnder ? ExitCodes.BELOW_THRESHOLD : ExitCodes.GRADED;
  }

  private static void printSummary(PrintWriter out, GradeResult grade, List<Path> written) {
    for (ExerciseResult exercise : grade.exercises()) {
      out.printf(
          Locale.ROOT,
          "%-28s %6s / %s%n",
          exercise.id(),
          Points.format(exercise.score()),
          Points.format(exercise.maxScore()));
    }
    double percent = grade.maxScore() == 0 ? 0 : 100 * grade.score() / grade.maxScore();
    out.printf(
        Locale.ROOT,
        "%-28s %6s / %s (%.1f%%)%n",
        "total",
        Points.format(grade.score()),
        Points.format(grade.maxScore()),
        percent);
    out.println("reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
  }
}
