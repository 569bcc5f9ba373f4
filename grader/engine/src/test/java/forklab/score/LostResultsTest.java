package forklab.score;

import static forklab.engine.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import forklab.api.Goal;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the score stage words checks whose results the runner's frames may have lost. */
class LostResultsTest {
  private static final ExerciseSpec ECHO =
      Course.load(Fixtures.echoCourse()).find("ex90-echo").orElseThrow();
  private static final PlannedCheck FIRST =
      new PlannedCheck("C#first", "first", GoalKind.of(Goal.CORRECTNESS), 2, true);
  private static final PlannedCheck SECOND =
      new PlannedCheck("C#second", "second", GoalKind.of(Goal.CORRECTNESS), 3, true);
  private static final PlannedCheck THIRD =
      new PlannedCheck("C#third", "third", GoalKind.of(Goal.CORRECTNESS), 5, true);
  private static final String TRY_NEXT =
      "\n  try next: print with System.out, never to FileDescriptor.out; stop the"
          + " threads you start before your method returns; let no child process inherit the output"
          + " (ProcessBuilder.inheritIO)";

  private final Scorer scorer = new Scorer();

  @Test
  void everyCheckWithoutAResultLostItWhenTheRunnerGotToTheEnd() {
    ExerciseResult result =
        score(
            Map.of("C#first", passed("C#first")),
            null,
            new FrameLoss(2, Set.of(), true, false),
            true,
            0);

    assertThat(check(result, "first").verdict()).isEqualTo(Verdict.PASS);
    for (String name : List.of("second", "third")) {
      assertThat(check(result, name).verdict()).isEqualTo(Verdict.FAIL);
      assertThat(check(result, name).feedback())
          .isEqualTo(
              "the result of this check was lost, so it earns no points:"
                  + " output written straight to the process's standard output (not through System.out), by your code or a"
                  + " process it started, garbled the line on which the grader reported it"
                  + TRY_NEXT);
    }
  }

  @Test
  void aCheckRunningWhenTheJvmEndedAfterUnverifiableLinesMayHaveFinished() {
    ExerciseResult result =
        score(
            Map.of("C#first", passed("C#first")),
            "C#second",
            new FrameLoss(0, Set.of(), false, true),
            false,
            0);

    assertThat(check(result, "second").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(result, "second").feedback())
        .isEqualTo(
            "did not finish, or its result was lost: the JVM running"
                + " the checks ended (exit code 0) without a result for this check, after output written straight to the"
                + " process's standard output (not through System.out) garbled or imitated the grader's report lines"
                + TRY_NEXT
                + "; do not call System.exit or Runtime.halt");
    assertThat(check(result, "third").feedback())
        .isEqualTo(
            "no result: either this check never got its turn because"
                + " the JVM stopped during the check 'second', or its result was lost because output written straight to the"
                + " process's standard output (not through System.out) garbled the grader's report lines"
                + TRY_NEXT);
    assertThat(result.notes())
        .containsExactly(
            "lines written straight to the process's standard output (not through"
                + " System.out) looked like the grader's report lines but could not be verified, and were ignored: imitations,"
                + " or report lines that other output garbled; printing cannot change a result");
  }

  @Test
  void aCheckWhoseFramesWereLostUnnamedBeforeTheJvmEndedMayNeverHaveRun() {
    ExerciseResult result =
        score(
            Map.of("C#first", passed("C#first")),
            "C#third",
            new FrameLoss(2, Set.of(), true, false),
            false,
            1);

    assertThat(check(result, "second").feedback())
        .isEqualTo(
            "no result: either this check never got its turn because"
                + " the JVM stopped during the check 'third', or its result was lost because output written straight to the"
                + " process's standard output (not through System.out) garbled the grader's report lines"
                + TRY_NEXT);
    assertThat(result.notes())
        .containsExactly(
            "output written straight to the process's standard output (not"
                + " through System.out) garbled some of the grader's report lines; a check whose result was lost earns no"
                + " points, as its feedback says");
  }

  @Test
  void withoutBrokenFramesAnEndedJvmIsStillNamedAsTheCause() {
    ExerciseResult result =
        score(Map.of("C#first", passed("C#first")), "C#second", FrameLoss.NONE, false, 0);

    assertThat(check(result, "second").feedback())
        .isEqualTo(
            "did not finish: the JVM running the checks ended (exit"
                + " code 0) while this check was running\n  try next: do not call System.exit or Runtime.halt, and do not let"
                + " the JVM crash; return or throw instead");
    assertThat(check(result, "third").feedback())
        .isEqualTo(
            "not run: the JVM stopped during the check 'second', so"
                + " this check never got its turn; fix that one first");
    assertThat(result.notes()).isEmpty();
  }

  private ExerciseResult score(
      Map<String, CheckFinished> finished,
      String running,
      FrameLoss loss,
      boolean completed,
      int exitCode) {
    ExecutionResult ended =
        new ExecutionResult(exitCode, false, false, Duration.ofSeconds(1), "", Map.of());
    RunOutcome run =
        new RunOutcome(
            true,
            finished,
            Optional.ofNullable(running),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            completed,
            0,
            loss,
            "",
            ended);
    Path nowhere = Path.of("nowhere");
    SubmittedExercise submitted =
        new SubmittedExercise(ECHO, List.of(nowhere), nowhere, false, List.of());
    CheckSuite suite = new CheckSuite(ECHO, nowhere, nowhere, List.of(FIRST, SECOND, THIRD));
    return scorer.score(new ExerciseAttempt.Ran(submitted, suite, run));
  }

  private static CheckFinished passed(String id) {
    return new CheckFinished(id, Status.SUCCESSFUL, "", Map.of(), 5, "");
  }
}
