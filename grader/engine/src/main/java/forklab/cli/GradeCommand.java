package forklab.cli;

import forklab.course.Goals;
import forklab.discover.SubmissionException;
import forklab.engine.GradeOptions;
import forklab.engine.Version;
import forklab.engine.Workbench;
import forklab.report.ReportFormat;
import forklab.report.Reports;
import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import forklab.sandbox.docker.TestcontainersEnvironment;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code forklab grade DIR}: grades one submission and writes its reports. */
@Command(
    name = "grade",
    header = "Grade a submission and write its reports to OUT.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  --sandbox docker needs " + TestcontainersEnvironment.RYUK_DISABLED + "=true and",
      "  " + TestcontainersEnvironment.HOST_OVERRIDE + "=localhost in the environment,",
      "  which Testcontainers reads itself; ./forklab sets them."
    })
final class GradeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand Forklab root;

  @Mixin CommonOptions common;

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
      names = "--format",
      paramLabel = "FORMAT",
      split = ",",
      converter = FormatName.class,
      completionCandidates = FormatName.class,
      description =
          "write only this report: ${COMPLETION-CANDIDATES} (repeatable; default: all of them)")
  List<ReportFormat> formats = new ArrayList<>();

  private Double failUnder;

  @Option(
      names = "--goal",
      paramLabel = "GOAL",
      converter = GoalOption.Converter.class,
      completionCandidates = GoalOption.Ids.class,
      description =
          "grade only the checks of this goal: ${COMPLETION-CANDIDATES}, or one the course"
              + " declares in grader/course.yaml (repeatable; compiling is always checked)")
  List<String> goals = new ArrayList<>();

  @Option(
      names = "--check",
      paramLabel = "TEXT",
      description = "grade only the checks whose name contains TEXT")
  String check;

  private int retryUnjudged;

  @Option(
      names = "--trusted",
      description =
          "the submission is trusted (your own code, a course's references):"
              + " grade it even where neither Docker nor bubblewrap can isolate it, which --ci otherwise refuses")
  boolean trusted;

  @Option(
      names = "--fail-under",
      paramLabel = "PCT",
      description = "exit 1 when the score is below PCT percent (0 to 100)")
  void failUnder(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--fail-under': a percentage from 0 to 100, not "
              + Points.format(percent));
    }
    failUnder = percent;
  }

  @Option(
      names = "--retry-unjudged",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "measure an exercise again, up to N times,"
              + " while some of its checks are not judged here (default: ${DEFAULT-VALUE})")
  void retryUnjudged(int times) {
    if (times < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--retry-unjudged': 0 or more, not " + times);
    }
    retryUnjudged = times;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    // Refused before any sandbox opens: nothing starts for a folder that is not there.
    if (!Files.isDirectory(submission)) {
      stderr.println(
          "forklab grade: the submission folder "
              + submission
              + " does not exist or is not a folder");
      return ExitCode.USAGE.code();
    }
    if (!Files.isReadable(submission) || !Files.isExecutable(submission)) {
      stderr.println("forklab grade: the submission folder " + submission + " cannot be read");
      return ExitCode.USAGE.code();
    }
    GradeOptions options =
        new GradeOptions(
            submission,
            exercises,
            common.seedOrFresh(),
            new LinkedHashSet<>(goals),
            check,
            retryUnjudged,
            common.ci);
    try (Workbench workbench = Workbench.forCourse(common.home, common.course)) {
      Goals known = workbench.course().goals();
      for (String goal : goals) {
        if (known.find(goal).isEmpty()) {
          throw new ParameterException(
              spec.commandLine(),
              "Invalid value for option '--goal': unknown goal '"
                  + goal
                  + "'; the goals of this course are "
                  + String.join(", ", known.ids()));
        }
      }
      return run(workbench, options, stdout, stderr);
    }
  }

  private int run(Workbench workbench, GradeOptions options, PrintWriter stdout, PrintWriter stderr)
      throws Exception {
    List<String> warnings = new ArrayList<>();
    GradeResult grade;
    SandboxRequest request =
        new SandboxRequest(
            common.sandbox, common.image(), root.testcontainers(), common.ci && !trusted);
    try (Sandbox chosen = root.opener().open(request, workbench.scratch(), warnings, stderr)) {
      stderr.println("forklab: seed " + options.seed() + ", sandbox " + chosen.name());
      grade =
          workbench
              .grader(chosen)
              .grade(options, warnings, stderr::println)
              .withReplay(
                  new GradeResult.Replay(
                      submission.toString(),
                      common.course == null ? "" : common.course.toString(),
                      options.seed()));
    } catch (SubmissionException e) {
      stderr.println("forklab grade: " + e.getMessage());
      return ExitCode.USAGE.code();
    } catch (SandboxException e) {
      // No score is given, and the reports say why: nothing reads this as the student's failure.
      String message = "the " + common.sandbox + " sandbox could not be used: " + e.getMessage();
      Reports.write(
          new GradeResult(
              Version.current(),
              common.sandbox == SandboxChoice.auto ? "local" : common.sandbox.name(),
              Instant.now(),
              Duration.ZERO,
              List.of(),
              message,
              warnings),
          out,
          chosenFormats());
      stderr.println("forklab grade: infrastructure error, no score was given: " + message);
      return ExitCode.INFRASTRUCTURE.code();
    }
    List<Path> written = Reports.write(grade, out, chosenFormats());
    printSummary(stdout, grade, written);
    if (grade.hasInfrastructureError()) {
      stderr.println(
          "forklab grade: infrastructure error, no score was given: "
              + grade.infrastructureError());
      return ExitCode.INFRASTRUCTURE.code();
    }
    double percent = grade.maxScore() == 0 ? 100 : 100 * grade.score() / grade.maxScore();
    return failUnder != null && percent < failUnder
        ? ExitCode.BELOW_THRESHOLD.code()
        : ExitCode.GRADED.code();
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

  /** The formats {@code --format} chose, each once, in the order given; all when none. */
  private List<ReportFormat> chosenFormats() {
    return formats.isEmpty() ? Reports.formats() : List.copyOf(new LinkedHashSet<>(formats));
  }

  /** A {@code --format} name; anything else is a bad usage naming the formats. */
  static final class FormatName implements ITypeConverter<ReportFormat>, Iterable<String> {
    @Override
    public ReportFormat convert(String value) {
      return Reports.format(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown format '"
                          + value
                          + "'; the formats are "
                          + String.join(", ", Reports.names())));
    }

    @Override
    public Iterator<String> iterator() {
      return Reports.names().iterator();
    }
  }
}
