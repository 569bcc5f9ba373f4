package forklab.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import forklab.api.Goal;
import forklab.build.CompileResult;
import forklab.build.SourceProblem;
import forklab.course.Course;
import forklab.course.ExerciseSpec;
import forklab.course.GoalKind;
import forklab.discover.SubmittedExercise;
import forklab.engine.Fixtures;
import forklab.plan.CheckSuite;
import forklab.plan.PlannedCheck;
import forklab.protocol.RunnerEvent.CheckFinished;
import forklab.protocol.RunnerEvent.Status;
import forklab.run.FrameLoss;
import forklab.run.RunOutcome;
import forklab.sandbox.ExecutionResult;
import forklab.score.Measurement.Direction;
import forklab.score.Measurement.Point;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One attempt of each kind in, one exercise result out; nothing is run. */
class ScorerTest {
  private static final ExerciseSpec ECHO =
      Course.load(Fixtures.echoCourse()).find("ex90-echo").orElseThrow();
  private static final PlannedCheck FIRST =
      new PlannedCheck("C#first", "first", GoalKind.of(Goal.CORRECTNESS), 2, true);
  private static final PlannedCheck SECOND =
      new PlannedCheck("C#second", "second", GoalKind.of(Goal.SPEEDUP), 3, true);
  private static final Path NOWHERE = Path.of("nowhere");
  private static final CheckSuite SUITE =
      new CheckSuite(ECHO, NOWHERE, NOWHERE, List.of(FIRST, SECOND));

  private final Scorer scorer = new Scorer();

  private static SubmittedExercise submitted(boolean missing, List<String> problems) {
    return new SubmittedExercise(ECHO, List.of(), NOWHERE, missing, problems);
  }

  @Test
  void aMissingExerciseFailsEveryCheckAndSaysWhereToSubmit() {
    ExerciseResult result =
        scorer.score(
            new ExerciseAttempt.Missing(submitted(true, List.of("no folder ex90-echo")), SUITE));

    assertThat(result.checks())
        .extracting(CheckResult::name, CheckResult::verdict, CheckResult::feedback)
        .containsExactly(
            tuple(
                Scorer.COMPILE_CHECK,
                Verdict.FAIL,
                "no folder ex90-echo\n  try next: submit your work in ex90-echo/src/main/java, as in"
                    + " the exercise you were given"),
            tuple(Scorer.SAFETY_CHECK, Verdict.FAIL, "not checked: the code did not compile"),
            tuple("first", Verdict.FAIL, "not run: no submission for this exercise"),
            tuple("second", Verdict.FAIL, "not run: no submission for this exercise"));
    assertThat(result.notes()).containsExactly("no folder ex90-echo");
    assertThat(result.score()).isZero();
  }

  @Test
  void codeThatDoesNotCompileShowsTheErrorsAndRunsNothing() {
    SourceProblem error = new SourceProblem("a/Echo.java", 5, 16, "';' expected", "");
    ExerciseResult result =
        scorer.score(
            new ExerciseAttempt.NotCompiled(
                submitted(false, List.of()),
                SUITE,
                new CompileResult(false, NOWHERE, List.of(error))));

    assertThat(result.checks().get(0).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(result.checks().get(0).feedback()).contains("\n\na/Echo.java:5:16: ';' expected\n");
    assertThat(result.checks())
        .extracting(CheckResult::feedback)
        .endsWith(
            "not run: your code does not compile (see 'compiles')",
            "not run: your code does not compile (see 'compiles')");
  }

  @Test
  void forbiddenApisPassCompilingAndFailTheSafetyGate() {
    SourceProblem use = new SourceProblem("a/Echo.java", 9, 0, "forbidden API 'reflection'", "");
    ExerciseResult result =
        scorer.score(
            new ExerciseAttempt.Forbidden(submitted(false, List.of()), SUITE, List.of(use)));

    assertThat(result.checks())
        .extracting(CheckResult::verdict)
        .containsExactly(Verdict.PASS, Verdict.FAIL, Verdict.FAIL, Verdict.FAIL);
    assertThat(result.checks().get(1).feedback())
        .startsWith("your code uses APIs that ex90-echo forbids")
        .contains("a/Echo.java:9: forbidden API 'reflection'");
    assertThat(result.checks().get(2).feedback())
        .isEqualTo("not run: your code uses forbidden APIs (see 'uses only allowed APIs')");
    assertThat(result.score()).isEqualTo(ECHO.compilePoints());
  }

  @Test
  void aRunGivesEachCheckItsVerdictAndItsMeasurement() {
    Map<String, String> entries =
        Map.of(
            "forklab.measured", "1.5000",
            "forklab.required", "2.0000",
            "forklab.unit", "x",
            "forklab.direction", "at-least",
            "forklab.limit.calibrated limit", "1.9",
            "forklab.detail.fraction of limit", "0.98",
            "forklab.series-axis", "threads",
            "forklab.series.measured", "4:1.5,1:1.0");
    ExerciseResult result =
        scorer.score(
            new ExerciseAttempt.Ran(
                submitted(false, List.of()),
                SUITE,
                run(
                    Map.of(
                        "C#first",
                        event("C#first", Status.SUCCESSFUL, "", Map.of()),
                        "C#second",
                        event("C#second", Status.FAILED, "too slow", entries)))));

    assertThat(result.checks())
        .extracting(CheckResult::verdict)
        .containsExactly(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.FAIL);
    Measurement measurement = result.checks().get(3).measurement();
    assertThat(measurement.measured()).isEqualTo(1.5);
    assertThat(measurement.direction()).isEqualTo(Direction.AT_LEAST);
    assertThat(measurement.limits()).containsExactly(Map.entry("calibrated limit", 1.9));
    assertThat(measurement.details()).containsExactly(Map.entry("fraction of limit", "0.98"));
    assertThat(measurement.series().axis()).isEqualTo("threads");
    assertThat(measurement.series().lines().get("measured"))
        .containsExactly(new Point(1, 1.0), new Point(4, 1.5));
    assertThat(result.scoreByGoal())
        .containsEntry(GoalKind.of(Goal.CORRECTNESS), new GoalScore(2, 2))
        .containsEntry(GoalKind.of(Goal.SPEEDUP), new GoalScore(0, 3));
  }

  @Test
  void aMillisecondLimitPointsDownAndNoDirectionMeansAtLeast() {
    assertThat(
            Scorer.measurement(
                    Map.of(
                        "forklab.measured", "950",
                        "forklab.required", "900",
                        "forklab.direction", "at-most"))
                .direction())
        .isEqualTo(Direction.AT_MOST);
    assertThat(Scorer.measurement(Map.of("forklab.measured", "2")).direction())
        .isEqualTo(Direction.AT_LEAST);
    assertThat(Scorer.measurement(Map.of("forklab.measured", "fast"))).isNull();
  }

  @Test
  void readsTheSpeedupJudgesOldSeriesDetailsAsASeriesAndALimit() {
    Measurement measurement =
        Scorer.measurement(
            Map.of(
                "forklab.measured", "1.93",
                "forklab.required", "1.66",
                "forklab.unit", "x",
                "forklab.detail.calibrated limit", "1.96",
                "forklab.detail.series threads", "1,2",
                "forklab.detail.series measured", "0.98,1.93",
                "forklab.detail.series limit", "1.00,1.96",
                "forklab.detail.rounds", "5"));

    assertThat(measurement.details()).containsExactly(Map.entry("rounds", "5"));
    assertThat(measurement.limits()).containsExactly(Map.entry("calibrated limit", 1.96));
    assertThat(measurement.series().lines())
        .containsEntry("measured", List.of(new Point(1, 0.98), new Point(2, 1.93)))
        .containsEntry("calibrated limit", List.of(new Point(1, 1), new Point(2, 1.96)));
  }

  @Test
  void aBrokenGraderErrsEveryCheckAfterWhatItGotThrough() {
    ExerciseResult beforeCompiling =
        scorer.score(
            new ExerciseAttempt.Broken(submitted(false, List.of()), SUITE, false, "no javac"));
    ExerciseResult afterCompiling =
        scorer.score(
            new ExerciseAttempt.Broken(submitted(false, List.of()), SUITE, true, "sandbox died"));

    assertThat(beforeCompiling.checks())
        .extracting(CheckResult::verdict)
        .containsOnly(Verdict.ERROR);
    assertThat(beforeCompiling.checks().get(2).feedback())
        .isEqualTo("not graded: the grader failed (no javac); this is not your fault");
    assertThat(afterCompiling.checks())
        .extracting(CheckResult::verdict)
        .containsExactly(Verdict.PASS, Verdict.PASS, Verdict.ERROR, Verdict.ERROR);
  }

  private static RunOutcome run(Map<String, CheckFinished> finished) {
    ExecutionResult ended =
        new ExecutionResult(0, false, false, Duration.ofSeconds(1), "", Map.of());
    return new RunOutcome(
        true,
        finished,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        true,
        0,
        FrameLoss.NONE,
        "",
        ended);
  }

  private static CheckFinished event(
      String id, Status status, String message, Map<String, String> entries) {
    return new CheckFinished(id, status, message, entries, 5, "");
  }
}
