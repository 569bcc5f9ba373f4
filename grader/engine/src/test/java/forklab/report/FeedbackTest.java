package forklab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import forklab.api.Goal;
import forklab.course.GoalKind;
import forklab.score.CheckResult;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import forklab.score.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feedback document: grouping, the start-here line and replay commands; nothing is run. */
class FeedbackTest {
  private static final String IN_THREADS_TODO =
      "not implemented yet: the code still throws UnsupportedOperationException(\"TODO\") (at"
          + " forklab.workers.Workers.inThreads(Workers.java:20))\n"
          + "  try next: replace that TODO with your implementation";
  private static final String IN_PROCESSES_TODO =
      "Expecting actual throwable to be an instance of:\n  java.util.concurrent.ExecutionException\n"
          + "but was:\n  java.lang.UnsupportedOperationException: TODO\n"
          + "\tat forklab.workers.Workers.inProcesses(Workers.java:30)";

  private static CheckResult check(
      String exercise, String name, double points, Verdict verdict, String feedback) {
    return new CheckResult(
        exercise,
        name,
        GoalKind.of(Goal.CORRECTNESS),
        true,
        verdict == Verdict.PASS ? points : 0,
        points,
        verdict,
        feedback,
        "",
        null,
        Duration.ZERO);
  }

  private static GradeResult grade(List<ExerciseResult> exercises) {
    return new GradeResult(
        "0.1.0",
        "local",
        Grades.STARTED,
        Duration.ofSeconds(3),
        exercises,
        null,
        List.of(),
        new GradeResult.Replay("my work", "", 42));
  }

  private static GradeResult skeleton() {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(check("ex01-workers", "compiles", 1, Verdict.PASS, ""));
    for (int i = 1; i <= 3; i++) {
      checks.add(check("ex01-workers", "threads " + i, 2, Verdict.FAIL, IN_THREADS_TODO));
    }
    checks.add(check("ex01-workers", "processes 1", 1, Verdict.FAIL, IN_PROCESSES_TODO));
    checks.add(check("ex01-workers", "processes 2", 1, Verdict.FAIL, IN_PROCESSES_TODO));
    checks.add(check("ex01-workers", "lonely", 5, Verdict.FAIL, "no threads\n  try next: start"));
    return grade(List.of(new ExerciseResult("ex01-workers", "Workers", checks, List.of())));
  }

  @Test
  void checksWaitingOnOneTodoAreOneFixThatNamesTheMethodAndCountsThem() {
    List<Feedback.Fix> fixes = Feedback.of(skeleton()).exercises().get(0).fixes();

    assertThat(fixes)
        .extracting(Feedback.Fix::headline, Feedback.Fix::points, Feedback.Fix::checks)
        .containsExactly(
            tuple(
                "3 checks wait on Workers.inThreads, which still throws TODO (Workers.java:20)",
                "6",
                List.of("threads 1", "threads 2", "threads 3")),
            tuple("Missed: lonely", "5", List.of("lonely")),
            tuple(
                "2 checks wait on Workers.inProcesses, which still throws TODO (Workers.java:30)",
                "2",
                List.of("processes 1", "processes 2")));
    assertThat(fixes.get(0).advice()).isEqualTo("replace that TODO with your implementation");
    assertThat(fixes.get(1).detail()).isEqualTo("no threads");
    assertThat(fixes.get(1).advice()).isEqualTo("start");
  }

  @Test
  void aMissedChecksStepsAreEvidenceInTheirOrderBesideWhatWasMeasured() {
    String interleaving =
        String.join(
            "\n",
            "Lincheck found an interleaving in which the buffer goes wrong",
            "  measured: two takers got [1, null]",
            "  step: Thread 2: BoundedBuffer#1.take(): null",
            "  step: Thread 2:   notEmpty.await()",
            "  step: Thread 1: BoundedBuffer#1.take(): 1",
            "  seed: 42",
            "  required: each taker gets one item",
            "  try next: wait in a while loop");
    GradeResult grade =
        grade(
            List.of(
                new ExerciseResult(
                    "ex04-bounded-buffer",
                    "Buffer",
                    List.of(check("ex04-bounded-buffer", "woken", 3, Verdict.FAIL, interleaving)),
                    List.of())));

    Feedback.Fix fix = Feedback.of(grade).exercises().get(0).fixes().get(0);

    assertThat(fix.evidence())
        .containsExactly(
            "measured: two takers got [1, null]",
            "step: Thread 2: BoundedBuffer#1.take(): null",
            "step: Thread 2:   notEmpty.await()",
            "step: Thread 1: BoundedBuffer#1.take(): 1",
            "required: each taker gets one item");
  }

  @Test
  void startsWithTheTodoThatBlocksTheMostPoints() {
    assertThat(Feedback.of(skeleton()).startHere())
        .isEqualTo(
            "Implement Workers.inThreads (Workers.java:20 in ex01-workers), which still throws"
                + " TODO: 3 checks worth 6 points wait on it.");
  }

  @Test
  void startsWithTheFirstCompileErrorBeforeAnythingElse() {
    GradeResult grade =
        grade(
            List.of(
                new ExerciseResult(
                    "ex01-workers",
                    "Workers",
                    List.of(check("ex01-workers", "t", 9, Verdict.FAIL, IN_THREADS_TODO)),
                    List.of()),
                new ExerciseResult(
                    "ex02-echo",
                    "Echo",
                    List.of(
                        check(
                            "ex02-echo",
                            "compiles",
                            1,
                            Verdict.FAIL,
                            "your code does not compile\n\nforklab/echo/Echo.java:5:16: ';'"
                                + " expected\n    return text\n")),
                    List.of())));

    assertThat(Feedback.of(grade).startHere())
        .isEqualTo(
            "Fix the compile error at forklab/echo/Echo.java:5 in ex02-echo: ';' expected; none of"
                + " its checks can run until it compiles.");
  }

  @Test
  void withoutATodoStartsWithTheMissedCheckWorthTheMostPoints() {
    GradeResult grade =
        grade(
            List.of(
                new ExerciseResult(
                    "ex01-workers",
                    "Workers",
                    List.of(
                        check("ex01-workers", "small", 1, Verdict.FAIL, "small miss"),
                        check("ex01-workers", "big", 4, Verdict.FAIL, "big miss\n  try next: x")),
                    List.of())));

    assertThat(Feedback.of(grade).startHere())
        .isEqualTo("Look at 'big' in ex01-workers (4 points): big miss; try next: x");
  }

  @Test
  void everyMissedCheckCanBeReplayedAloneWithTheSameSeed() {
    List<Feedback.CheckFeedback> checks = Feedback.of(skeleton()).exercises().get(0).checks();

    assertThat(checks.get(0).replay()).isEmpty();
    assertThat(checks.get(1).replay())
        .isEqualTo(
            "./forklab grade \"my work\" --exercise ex01-workers --check \"threads 1\" --seed 42");
    assertThat(
            FeedbackBuilder.replay(
                skeleton(), check("ex01-workers", "costs $5 and \"more\"", 1, Verdict.FAIL, "")))
        .isEqualTo(
            "./forklab grade \"my work\" --exercise ex01-workers --check 'costs $5 and \"more\"'"
                + " --seed 42");
    assertThat(
            FeedbackBuilder.replay(
                skeleton().withReplay(new GradeResult.Replay("my work", "../course", 7)),
                check("ex01-workers", "threads 1", 1, Verdict.FAIL, "")))
        .isEqualTo(
            "./forklab grade \"my work\" --course ../course --exercise ex01-workers"
                + " --check \"threads 1\" --seed 7");
  }

  @Test
  void everyCheckIsListedWithItsVerdict() {
    assertThat(Feedback.of(Grades.mixed()).exercises().get(1).checks())
        .extracting(Feedback.CheckFeedback::label)
        .containsExactly("passed", "could not run", "passed", "passed", "not judged");
  }
}
