package forklab.engine;

import static forklab.engine.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import forklab.api.Goal;
import forklab.files.FileTrees;
import forklab.sandbox.local.LocalSandbox;
import forklab.score.CheckResult;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import forklab.score.Scorer;
import forklab.score.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Grades the real course: references, skeletons, and broken or partial submissions. */
@Tag("slow")
@Timeout(600)
class CourseGradingTest {
  @TempDir Path scratch;
  Workbench workbench;

  @BeforeEach
  void setUp() {
    workbench = Fixtures.workbench(Fixtures.home(), scratch);
  }

  @AfterEach
  void nothingIsLeftBehind() throws Exception {
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
        .isEmpty();
    assertThat(Fixtures.markedProcesses(scratch)).isEmpty();
  }

  @Test
  void everyReferenceSolutionFailsNoCheck() throws Exception {
    GradeResult grade = Fixtures.grade(workbench, Fixtures.home().resolve("solutions"), List.of());

    assertThat(grade.infrastructureError()).isNull();
    assertThat(grade.exercises())
        .extracting(ExerciseResult::id)
        .containsExactlyElementsOf(workbench.course().ids());
    // A speedup goal may be "not judged here" on a busy machine; it must never fail a reference.
    assertThat(grade.checks())
        .filteredOn(
            check -> check.verdict() != Verdict.PASS && check.verdict() != Verdict.NOT_JUDGED)
        .isEmpty();
    double unjudged =
        grade.checks().stream()
            .filter(check -> check.verdict() == Verdict.NOT_JUDGED)
            .mapToDouble(CheckResult::maxScore)
            .sum();
    assertThat(grade.score()).isEqualTo(grade.maxScore() - unjudged);
  }

  @Test
  void theRunnersOwnLoggingNeverShowsAsTheStudentsOutput() throws Exception {
    GradeResult grade;
    try (LocalSandbox sandbox = new LocalSandbox(workbench.scratch())) {
      grade =
          workbench
              .grader(sandbox)
              .grade(
                  GradeOptions.of(
                          Fixtures.home().resolve("solutions"), List.of("ex03-parallel-primes"), 42)
                      .only(Set.of(Goal.ARCHITECTURE.id()), ""),
                  List.of(),
                  line -> {});
    }

    List<CheckResult> archUnitChecks =
        grade.checks().stream()
            .filter(
                check ->
                    check.goal().is(Goal.ARCHITECTURE) && !check.name().equals(Scorer.SAFETY_CHECK))
            .toList();
    assertThat(archUnitChecks)
        .hasSize(3)
        .allSatisfy(
            check -> {
              assertThat(check.verdict()).as(check.name()).isEqualTo(Verdict.PASS);
              assertThat(check.output()).as(check.name()).isEmpty();
            });
  }

  @Test
  void skeletonsEarnTheCompilePointsAndNothingElse() throws Exception {
    GradeResult grade = Fixtures.grade(workbench, Fixtures.home().resolve("exercises"), List.of());

    assertThat(grade.infrastructureError()).isNull();
    for (ExerciseResult exercise : grade.exercises()) {
      assertThat(check(exercise, "compiles").verdict()).isEqualTo(Verdict.PASS);
      assertThat(exercise.checks())
          .filteredOn(check -> !check.goal().is(Goal.COMPILE))
          .allSatisfy(check -> assertThat(check.score()).as(check.name()).isZero());
      assertThat(exercise.score()).isEqualTo(check(exercise, "compiles").maxScore()).isPositive();
    }
  }

  @Test
  void aCompileErrorInOneExerciseCostsOnlyThatExercise(@TempDir Path submission) throws Exception {
    FileTrees.copy(Fixtures.home().resolve("solutions"), submission);
    Path broken =
        Files.list(submission.resolve("ex01-workers/src/main/java/forklab/workers"))
            .filter(path -> path.getFileName().toString().equals("Workers.java"))
            .findFirst()
            .orElseThrow();
    Files.writeString(
        broken,
        Files.readString(broken)
            .replaceFirst("public final class Workers", "public final class Workers oops"));

    GradeResult grade =
        correctnessOnly(submission, List.of("ex01-workers", "ex03-parallel-primes"));

    ExerciseResult workers = grade.exercises().get(0);
    ExerciseResult primes = grade.exercises().get(1);
    assertThat(workers.score()).isZero();
    assertThat(check(workers, "compiles").feedback())
        .contains("forklab/workers/Workers.java:")
        .contains("^");
    assertThat(primes.checks()).filteredOn(check -> check.verdict() == Verdict.FAIL).isEmpty();
    assertThat(check(primes, "compiles").verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void aMissingExerciseFolderEarnsZeroWithAMessageWhileTheOthersAreGraded(@TempDir Path submission)
      throws Exception {
    FileTrees.copy(
        Fixtures.home().resolve("solutions/ex03-parallel-primes"),
        submission.resolve("ex03-parallel-primes"));

    GradeResult grade = correctnessOnly(submission, List.of());

    ExerciseResult workers =
        grade.exercises().stream()
            .filter(e -> e.id().equals("ex01-workers"))
            .findFirst()
            .orElseThrow();
    assertThat(workers.score()).isZero();
    assertThat(workers.maxScore()).isPositive();
    assertThat(check(workers, "compiles").feedback())
        .startsWith("no folder ex01-workers/src/main/java in the submission");
    ExerciseResult primes =
        grade.exercises().stream()
            .filter(e -> e.id().equals("ex03-parallel-primes"))
            .findFirst()
            .orElseThrow();
    assertThat(check(primes, "compiles").verdict()).isEqualTo(Verdict.PASS);
    assertThat(primes.checks()).filteredOn(check -> check.verdict() == Verdict.FAIL).isEmpty();
  }

  /**
   * A grade of the correctness checks (and compiling, always graded): enough to show what one
   * exercise's trouble costs the others, without the timed goals' rounds.
   */
  private GradeResult correctnessOnly(Path submission, List<String> exercises) throws Exception {
    try (LocalSandbox sandbox = new LocalSandbox(workbench.scratch())) {
      return workbench
          .grader(sandbox)
          .grade(
              GradeOptions.of(submission, exercises, 42).only(Set.of(Goal.CORRECTNESS.id()), ""),
              List.of(),
              line -> {});
    }
  }
}
