package forklab.engine;

import static forklab.engine.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import forklab.files.FileTrees;
import forklab.report.Reports;
import forklab.score.CheckResult;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import forklab.score.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile submissions to the test-only echo course. Each one attacks in one check; the others must
 * be graded normally, the grader must finish, and nothing may be left running.
 */
@Tag("slow")
@Timeout(120)
class HostileSubmissionTest {
  @TempDir Path scratch;
  Workbench workbench;

  @BeforeEach
  void setUp() {
    workbench = Fixtures.workbench(Fixtures.echoCourse(), scratch);
  }

  @AfterEach
  void nothingIsLeftBehind() throws Exception {
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
        .isEmpty();
    assertThat(Fixtures.markedProcesses(scratch)).isEmpty();
    try (var left = Files.list(scratch)) {
      assertThat(left.filter(path -> path.getFileName().toString().startsWith("run-")).toList())
          .as("sandbox work folders left in the scratch folder")
          .isEmpty();
    }
  }

  private ExerciseResult grade(String submission) throws Exception {
    return grade(Fixtures.echoSubmission(submission));
  }

  private ExerciseResult grade(Path submission) throws Exception {
    GradeResult grade = Fixtures.grade(workbench, submission, List.of("ex90-echo"));
    assertThat(grade.infrastructureError()).isNull();
    assertThat(grade.exercises()).hasSize(1);
    return grade.exercises().getFirst();
  }

  @Test
  void aCorrectSubmissionEarnsEveryPoint() throws Exception {
    ExerciseResult result = grade("good");

    assertThat(result.score()).isEqualTo(result.maxScore()).isEqualTo(12);
    assertThat(result.checks()).allMatch(check -> check.verdict() == Verdict.PASS);
  }

  @Test
  void systemExitInOneCheckFailsThatCheckAndTheOnesItPreventedButKeepsEarlierPoints()
      throws Exception {
    ExerciseResult result = grade("exits-midway");

    assertThat(check(result, "echo returns its input").verdict()).isEqualTo(Verdict.PASS);
    assertThat(check(result, "twice doubles").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(result, "twice doubles").feedback())
        .contains("the JVM running the checks ended (exit code 0) while this check was running")
        .contains("do not call System.exit");
    assertThat(check(result, "sum adds 1 to n").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(result, "sum adds 1 to n").feedback())
        .isEqualTo(
            "not run: the JVM stopped during the check 'twice doubles', so this check never got its turn;"
                + " fix that one first");
    assertThat(result.score()).isEqualTo(1 + 2);
  }

  @Test
  void closingTheRealStandardOutputFailsTheCheckThatDidItWithThatReasonNotAsAnExit()
      throws Exception {
    ExerciseResult result = grade("closes-stdout");

    assertThat(check(result, "echo returns its input").verdict()).isEqualTo(Verdict.PASS);
    assertThat(check(result, "twice doubles").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(result, "twice doubles").feedback())
        .isEqualTo(
            "did not finish: your code closed the process's"
                + " standard output (FileDescriptor.out, or System.out after replacing it), on which the grader reports"
                + " results, while this check was running\n  try next: print with System.out and never close it; do not"
                + " open or close FileDescriptor.out yourself");
    assertThat(check(result, "sum adds 1 to n").feedback())
        .isEqualTo(
            "not run: the JVM stopped during the check"
                + " 'twice doubles', so this check never got its turn; fix that one first");
    assertThat(result.score()).isEqualTo(1 + 2);
  }

  @Test
  void anEndlessLoopThatIgnoresInterruptsFailsOnlyItsOwnCheck() throws Exception {
    ExerciseResult result = grade("loops-forever");

    assertThat(check(result, "twice doubles").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(result, "twice doubles").feedback()).contains("timed out");
    assertThat(check(result, "echo returns its input").verdict()).isEqualTo(Verdict.PASS);
    assertThat(check(result, "sum adds 1 to n").verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void printedImitationsOfResultsChangeNothing() throws Exception {
    ExerciseResult result = grade("forges-results");

    assertThat(result.checks())
        .filteredOn(
            check ->
                !check.name().equals("compiles") && !check.name().equals("uses only allowed APIs"))
        .allMatch(check -> check.verdict() == Verdict.FAIL);
    assertThat(result.score()).isEqualTo(1);
    // The submission also closes FileDescriptor.out, so no genuine frame follows its imitations.
    assertThat(result.notes())
        .containsExactly(
            "lines written straight to the process's standard output (not through"
                + " System.out) looked like the grader's report lines but could not be verified, and were ignored: imitations,"
                + " or report lines that other output garbled; printing cannot change a result");
  }

  @Test
  void outputWrittenPastSystemOutWhileResultsAreReportedLosesThoseResultsOnlyAndSaysWhy()
      throws Exception {
    // Whether a writer's bytes land inside a result line is a race: every outcome must hold the
    // invariants below, and the submission is graded again until one result is actually lost.
    ExerciseResult result = null;
    for (int attempt = 1;
        attempt <= 3 && (result == null || result.score() == result.maxScore());
        attempt++) {
      result = grade("writes-raw-stdout");

      for (String name : List.of("echo returns its input", "twice doubles")) {
        CheckResult check = check(result, name);
        if (check.verdict() != Verdict.PASS) {
          assertThat(check.verdict()).as(name).isEqualTo(Verdict.FAIL);
          assertThat(check.feedback())
              .as(name)
              .isEqualTo(
                  "the result of this check was lost, so it earns no points: output written straight to the process's"
                      + " standard output (not through System.out), by your code or a process it started, garbled the line"
                      + " on which the grader reported it"
                      + "\n  try next: print with System.out, never to FileDescriptor.out; stop the threads you start"
                      + " before your method returns; let no child process inherit the output (ProcessBuilder.inheritIO)");
        }
      }
      assertThat(check(result, "sum adds 1 to n").verdict()).isEqualTo(Verdict.PASS);
      assertThat(result.checks())
          .filteredOn(
              check ->
                  !check.name().equals("echo returns its input")
                      && !check.name().equals("twice doubles"))
          .allMatch(CheckResult::passed);
    }

    assertThat(result.score())
        .isIn(result.maxScore() - 2, result.maxScore() - 3, result.maxScore() - 5);
    assertThat(result.notes())
        .containsExactly(
            "output written straight to the process's standard output (not through System.out) garbled some of the"
                + " grader's report lines; a check whose result was lost earns no points, as its feedback says");
  }

  @Test
  void childrenAndDetachedGrandchildrenAndEndlessThreadsAreKilled() throws Exception {
    ExerciseResult result = grade("leaves-processes");

    assertThat(result.score()).isEqualTo(result.maxScore());
    assertThat(Fixtures.processesRunning("sleep 301"))
        .as("a detached grandchild with a cleared environment")
        .isEmpty();
    // nothingIsLeftBehind() then proves that the marked ones are gone too.
  }

  @Test
  void aFloodOfOutputIsCappedInTheReports(@TempDir Path out) throws Exception {
    GradeResult grade =
        Fixtures.grade(workbench, Fixtures.echoSubmission("floods-output"), List.of("ex90-echo"));
    Reports.writeAll(grade, out);

    ExerciseResult result = grade.exercises().getFirst();
    assertThat(result.score()).isEqualTo(result.maxScore());
    assertThat(check(result, "echo returns its input").output())
        .hasSizeLessThan(8 * 1024)
        .contains("more bytes of output were not kept");
    for (String report : List.of("results.json", "junit.xml", "summary.md", "report.html")) {
      assertThat(Files.size(out.resolve(report))).as(report).isLessThan(256 * 1024);
    }
  }

  @Test
  void fifteenThousandRefusedSymbolicLinksLeaveTwentyNotesAndACountInBoundedReports(
      @TempDir Path submission, @TempDir Path out) throws Exception {
    FileTrees.copy(
        Fixtures.echoSubmission("good").resolve("ex90-echo"), submission.resolve("ex90-echo"));
    Path sources = submission.resolve("ex90-echo/src/main/java/forklab/echo");
    for (int i = 0; i < 15_000; i++) {
      Files.createSymbolicLink(sources.resolve("Link" + i + ".java"), sources.resolve("Echo.java"));
    }

    GradeResult grade = Fixtures.grade(workbench, submission, List.of("ex90-echo"));
    Reports.writeAll(grade, out);

    ExerciseResult result = grade.exercises().getFirst();
    assertThat(result.score()).isEqualTo(result.maxScore());
    assertThat(result.notes()).hasSize(21);
    assertThat(result.notes().subList(0, 20))
        .allMatch(
            note ->
                note.matches(
                    "refused symbolic link src/main/java/forklab/echo/Link\\d+\\.java: submit real files"));
    assertThat(result.notes().getLast()).isEqualTo("... and 14,980 more like these");
    for (String report : List.of("results.json", "junit.xml", "summary.md", "report.html")) {
      assertThat(Files.size(out.resolve(report))).as(report).isLessThan(64 * 1024);
    }
  }

  @Test
  void aMegabyteAssertionMessageIsCutAtFourKibibytesBetweenCharacters() throws Exception {
    CheckResult echo = check(grade("huge-message"), "echo returns its input");

    // 30 ASCII bytes, then 1,016 four-byte characters fill 4,094 of the 4,096 bytes; the next would
    // not fit.
    String thread = "\uD83E\uDDF5";
    assertThat(echo.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(echo.feedback())
        .isEqualTo("expected: <forklab> but was: <" + thread.repeat(1_016) + "\n[... cut]");
  }

  @Test
  void codeThatDoesNotCompileEarnsNothingAndTheFeedbackNamesFileAndLine() throws Exception {
    ExerciseResult result = grade("does-not-compile");

    assertThat(result.score()).isZero();
    assertThat(check(result, "compiles").feedback())
        .contains("forklab/echo/Echo.java:5:")
        .contains("';' expected");
    assertThat(check(result, "twice doubles").feedback())
        .startsWith("not run: your code does not compile");
  }

  @Test
  void forbiddenReflectionIsNeverRun() throws Exception {
    ExerciseResult result = grade("uses-reflection");

    assertThat(check(result, "uses only allowed APIs").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(result, "uses only allowed APIs").feedback())
        .contains("forbidden API 'reflection'")
        .contains("forklab/echo/Echo.java:");
    assertThat(result.score()).isEqualTo(1);
    assertThat(
            Files.readString(
                Fixtures.echoSubmission("uses-reflection")
                    .resolve("ex90-echo/src/main/java/forklab/echo/Echo.java"),
                StandardCharsets.UTF_8))
        .contains("forName");
  }
}
