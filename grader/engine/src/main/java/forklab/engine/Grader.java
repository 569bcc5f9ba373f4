package forklab.engine;

import forklab.archcheck.ForbiddenApiCheck;
import forklab.build.CompileResult;
import forklab.build.JavaCompilation;
import forklab.build.SourceProblem;
import forklab.course.Course;
import forklab.course.ExerciseSpec;
import forklab.course.SandboxNeed;
import forklab.discover.Discovery;
import forklab.discover.SubmissionException;
import forklab.discover.SubmittedExercise;
import forklab.files.FileTrees;
import forklab.plan.CheckSuite;
import forklab.plan.CheckSuites;
import forklab.plan.CourseBuildException;
import forklab.protocol.RunnerInput.Mode;
import forklab.run.CheckRun;
import forklab.run.RunOutcome;
import forklab.run.RunnerLibrary;
import forklab.sandbox.Isolation;
import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import forklab.score.CheckResult;
import forklab.score.ExerciseAttempt;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import forklab.score.Scorer;
import forklab.score.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Grades one submission: each exercise goes through discover, build, architecture check, run and
 * score, one exercise at a time so that speedup checks have the machine to themselves.
 */
public final class Grader {
  private static final String VERSION = Version.current();

  private final Course course;
  private final Sandbox sandbox;
  private final CheckSuites suites;
  private final CheckRun checkRun;
  private final Path scratch;
  private final Clock clock;
  private final JavaCompilation javac = new JavaCompilation();
  private final ForbiddenApiCheck forbiddenApis = new ForbiddenApiCheck();
  private final Scorer scorer = new Scorer();

  public Grader(
      Course course,
      Sandbox sandbox,
      CheckSuites suites,
      RunnerLibrary runner,
      Path scratch,
      Clock clock) {
    this.course = course;
    this.sandbox = sandbox;
    this.suites = suites;
    this.checkRun = new CheckRun(runner);
    this.scratch = scratch;
    this.clock = clock;
  }

  /**
   * Grades {@code options.submission()} as {@code options} say.
   *
   * @param warnings notes for the reports about how it was graded (the sandbox chosen)
   * @param progress receives one line per stage, for a person watching
   * @throws SubmissionException when the submission cannot be read at all
   */
  public GradeResult grade(GradeOptions options, List<String> warnings, Consumer<String> progress)
      throws SubmissionException, InterruptedException, IOException {
    Path submission = options.submission();
    List<String> only = options.exercises();
    long seed = options.seed();
    int retryUnjudged = options.retryUnjudged();
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    Files.createDirectories(scratch);
    // Others may pass through (a confined sandbox binds the compiled classes from here) but not
    // list it.
    Path workspace =
        Files.createTempDirectory(
            scratch,
            "grade-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    try {
      List<SubmittedExercise> found = new Discovery(course).discover(submission, only, workspace);
      List<ExerciseResult> results = new ArrayList<>();
      String infrastructureError = null;
      for (SubmittedExercise exercise : found) {
        progress.accept("grading " + exercise.spec().id());
        ExerciseAttempt attempt = attempt(exercise, workspace, seed, options);
        if (attempt instanceof ExerciseAttempt.Broken broken && infrastructureError == null) {
          infrastructureError = exercise.spec().id() + ": " + broken.reason();
        }
        ExerciseResult result = scorer.score(attempt);
        for (int retry = 1;
            retry <= retryUnjudged
                && unjudged(result)
                && !(attempt instanceof ExerciseAttempt.Broken);
            retry++) {
          progress.accept(
              "  "
                  + exercise.spec().id()
                  + ": some checks were not judged here; measuring again ("
                  + retry
                  + " of "
                  + retryUnjudged
                  + ")");
          ExerciseAttempt again = attempt(exercise, workspace, seed + retry, options);
          if (!(again instanceof ExerciseAttempt.Broken)) {
            result = judgedFirst(result, scorer.score(again));
          }
        }
        String timing =
            attempt instanceof ExerciseAttempt.Ran ran
                ? " (sandbox " + ran.run().execution().describePhases() + ")"
                : "";
        progress.accept(
            String.format(
                "  %s: %s / %s%s",
                exercise.spec().id(), points(result.score()), points(result.maxScore()), timing));
        results.add(result);
      }
      results.sort(Comparator.comparing(ExerciseResult::id));
      return new GradeResult(
          VERSION,
          sandbox.name(),
          started,
          Duration.ofNanos(System.nanoTime() - startNanos),
          results,
          infrastructureError,
          warnings,
          new GradeResult.Replay(submission.toString(), "", seed));
    } finally {
      FileTrees.deleteQuietly(workspace);
    }
  }

  private ExerciseAttempt attempt(
      SubmittedExercise exercise, Path workspace, long seed, GradeOptions options)
      throws IOException, InterruptedException {
    ExerciseSpec spec = exercise.spec();
    CheckSuite suite;
    try {
      suite = suites.suite(spec);
    } catch (CourseBuildException | SandboxException e) {
      CheckSuite empty = new CheckSuite(spec, workspace, workspace, List.of());
      return new ExerciseAttempt.Broken(
          exercise, empty, false, "the exercise's checks could not be prepared: " + e.getMessage());
    }
    if (options.filtersChecks()) {
      suite =
          new CheckSuite(
              spec,
              suite.publicTests(),
              suite.hiddenChecks(),
              suite.checks().stream().filter(options::selects).toList());
    }
    if (exercise.missing()) {
      return new ExerciseAttempt.Missing(exercise, suite);
    }
    if (spec.sandbox() == SandboxNeed.REQUIRED
        && sandbox.isolation() != Isolation.CONTAINER
        && options.containerRequired()) {
      return new ExerciseAttempt.Broken(
          exercise,
          suite,
          false,
          spec.id()
              + " starts processes, so in CI it runs only in the Docker sandbox, and none was available");
    }
    Path classes = workspace.resolve(spec.id()).resolve("classes");
    CompileResult compiled;
    try {
      compiled = javac.compile(exercise.sources(), exercise.sourceRoot(), List.of(), classes);
    } catch (IOException e) {
      return new ExerciseAttempt.Broken(
          exercise, suite, false, "the compiler could not run: " + e.getMessage());
    }
    if (!compiled.succeeded()) {
      return new ExerciseAttempt.NotCompiled(exercise, suite, compiled);
    }
    List<SourceProblem> violations = forbiddenApis.check(spec, classes);
    if (!violations.isEmpty()) {
      return new ExerciseAttempt.Forbidden(exercise, suite, violations);
    }
    try {
      List<String> only =
          !options.filtersChecks()
              ? List.of()
              : suite.checks().stream().map(check -> check.id()).toList();
      RunOutcome run =
          checkRun.run(
              sandbox,
              new CheckRun.Request(
                  spec.id(),
                  Mode.RUN,
                  suite.roots(),
                  suite.classpathWith(classes),
                  seed,
                  spec.limits(),
                  spec.jvmOptions(),
                  only,
                  spec.calibrate(),
                  spec.libraries()));
      Optional<String> broken = infrastructureProblem(run);
      return broken.isPresent()
          ? new ExerciseAttempt.Broken(exercise, suite, true, broken.get())
          : new ExerciseAttempt.Ran(exercise, suite, run);
    } catch (SandboxException e) {
      return new ExerciseAttempt.Broken(exercise, suite, true, e.getMessage());
    }
  }

  private static boolean unjudged(ExerciseResult result) {
    return result.checks().stream().anyMatch(check -> check.verdict() == Verdict.NOT_JUDGED);
  }

  /**
   * {@code first}, with each not-judged check replaced by its result in {@code again} when that one
   * is judged.
   */
  private static ExerciseResult judgedFirst(ExerciseResult first, ExerciseResult again) {
    List<CheckResult> merged = new ArrayList<>();
    for (CheckResult check : first.checks()) {
      CheckResult replacement = check;
      if (check.verdict() == Verdict.NOT_JUDGED) {
        replacement =
            again.checks().stream()
                .filter(
                    other ->
                        other.name().equals(check.name()) && other.verdict() != Verdict.NOT_JUDGED)
                .findFirst()
                .orElse(check);
      }
      merged.add(replacement);
    }
    return new ExerciseResult(first.id(), first.title(), merged, first.notes());
  }

  /**
   * A run that never reached the runner, or in which the runner itself crashed, is not the
   * student's doing.
   */
  private static Optional<String> infrastructureProblem(RunOutcome run) {
    if (!run.reachedRunner()) {
      return Optional.of(
          "the JVM for the checks did not start (exit code "
              + run.execution().exitCode()
              + "): "
              + run.execution().stderr().strip());
    }
    return run.crash().map(crash -> "the check runner failed: " + crash.message());
  }

  private static String points(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.2f", value);
  }
}
