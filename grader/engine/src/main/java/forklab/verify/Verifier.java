package forklab.verify;

import forklab.api.Goal;
import forklab.course.Course;
import forklab.course.ExerciseSpec;
import forklab.discover.SubmissionException;
import forklab.engine.GradeOptions;
import forklab.engine.Grader;
import forklab.score.CheckResult;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import forklab.score.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Grades each exercise's reference, skeleton and mutants, and checks what each must earn. */
public final class Verifier {
  private final Course course;
  private final Grader grader;
  private final Path scratch;
  private final boolean containerRequired;

  /** A verifier that runs exercises needing a container wherever the grader's sandbox is. */
  public Verifier(Course course, Grader grader, Path scratch) {
    this(course, grader, scratch, false);
  }

  /**
   * @param containerRequired exercises that declare {@code sandbox: required} run only in a
   *     container (CI)
   */
  public Verifier(Course course, Grader grader, Path scratch, boolean containerRequired) {
    this.course = course;
    this.grader = grader;
    this.scratch = scratch;
    this.containerRequired = containerRequired;
  }

  public List<Expectation> verify(List<String> only, long seed, Consumer<String> progress)
      throws IOException, InterruptedException, SubmissionException {
    List<Expectation> expectations = new ArrayList<>();
    for (ExerciseSpec exercise : course.exercises()) {
      if (!only.isEmpty() && !only.contains(exercise.id())) {
        continue;
      }
      progress.accept("verifying " + exercise.id());
      expectations.add(
          reference(exercise, grade(course.home().resolve("solutions"), exercise, seed)));
      expectations.add(
          skeleton(exercise, grade(course.home().resolve("exercises"), exercise, seed)));
      for (Path mutant : Mutants.of(course, exercise)) {
        Path target = Files.createTempDirectory(Files.createDirectories(scratch), "mutant-");
        Path submission = Mutants.assemble(course, exercise, mutant, target);
        expectations.add(
            mutant(
                exercise,
                mutant.getFileName().toString(),
                Mutants.caughtBy(mutant),
                grade(submission, exercise, seed)));
      }
    }
    return expectations;
  }

  /** Grades one exercise of {@code submission}. */
  public ExerciseResult grade(Path submission, ExerciseSpec exercise, long seed)
      throws IOException, InterruptedException, SubmissionException {
    return grade(submission, exercise, seed, "");
  }

  /** Grades only the checks of one exercise whose name contains {@code checkName}. */
  public ExerciseResult grade(Path submission, ExerciseSpec exercise, long seed, String checkName)
      throws IOException, InterruptedException, SubmissionException {
    GradeResult result =
        grader.grade(
            GradeOptions.of(submission, List.of(exercise.id()), seed)
                .only(Set.of(), checkName)
                .containerRequired(containerRequired),
            List.of(),
            line -> {});
    if (result.hasInfrastructureError()) {
      throw new IOException(
          "infrastructure error while grading " + submission + ": " + result.infrastructureError());
    }
    return result.exercises().getFirst();
  }

  static Expectation reference(ExerciseSpec exercise, ExerciseResult result) {
    List<CheckResult> lost =
        result.checks().stream()
            .filter(
                check -> check.verdict() != Verdict.PASS && check.verdict() != Verdict.NOT_JUDGED)
            .toList();
    long unjudged =
        result.checks().stream().filter(check -> check.verdict() == Verdict.NOT_JUDGED).count();
    String observed =
        lost.isEmpty()
            ? "earned "
                + result.score()
                + " of "
                + result.maxScore()
                + (unjudged > 0 ? " (" + unjudged + " not judged here)" : "")
            : "lost points on: "
                + names(lost)
                + " — "
                + lost.getFirst().feedback().lines().findFirst().orElse("");
    return new Expectation(
        exercise.id(), "reference", "earns full marks", lost.isEmpty(), observed);
  }

  static Expectation skeleton(ExerciseSpec exercise, ExerciseResult result) {
    List<CheckResult> earned =
        result.checks().stream()
            .filter(CheckResult::hidden)
            .filter(check -> check.score() > 0)
            .toList();
    return new Expectation(
        exercise.id(),
        "skeleton",
        "earns no hidden-check points",
        earned.isEmpty(),
        earned.isEmpty()
            ? "earned " + result.score() + " of " + result.maxScore() + " (compile only)"
            : "earned points on: " + names(earned));
  }

  /**
   * A mutant must compile and fail a hidden check: the check its MUTANT.md names when it names one
   * ({@code declared}), any otherwise.
   */
  static Expectation mutant(
      ExerciseSpec exercise, String name, Optional<String> declared, ExerciseResult result) {
    boolean compiles =
        result.checks().stream()
            .filter(check -> check.goal().is(Goal.COMPILE))
            .allMatch(CheckResult::passed);
    List<CheckResult> caught =
        result.checks().stream()
            .filter(CheckResult::hidden)
            .filter(check -> check.verdict() == Verdict.FAIL)
            .toList();
    boolean declaredCaught =
        declared.isEmpty()
            || caught.stream().anyMatch(check -> check.name().equals(declared.get()));
    boolean met = compiles && !caught.isEmpty() && declaredCaught;
    String observed =
        !compiles
            ? "does not compile, so it proves nothing"
            : caught.isEmpty()
                ? "lost no points on a hidden check"
                : declaredCaught
                    ? "caught by: " + names(caught)
                    : "not caught by '"
                        + declared.get()
                        + "', which its MUTANT.md names; caught by: "
                        + names(caught);
    return new Expectation(
        exercise.id(),
        "mutant " + name,
        declared
            .map(check -> "compiles and fails the hidden check '" + check + "'")
            .orElse("compiles and loses points on a hidden check"),
        met,
        observed);
  }

  private static String names(List<CheckResult> checks) {
    return checks.stream().map(CheckResult::name).collect(Collectors.joining("; "));
  }
}
