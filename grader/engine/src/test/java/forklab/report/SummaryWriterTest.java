package forklab.report;

import static org.assertj.core.api.Assertions.assertThat;

import forklab.score.GradeResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SummaryWriterTest {

  static String render(GradeResult grade) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Reports.summaryMarkdown().write(grade, out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void startsWithTheTotalAndATableOfExercisesByGoal() {
    assertThat(render(Grades.mixed()))
        .startsWith(
            """
        # Forklab feedback: 8 / 15 points

        **Start here:** Look at 'threads overlap' in ex01-workers (2 points): the five workers did \
        not overlap; try next: start every thread before you join any of them

        | Exercise | Score | correctness | concurrency | speedup | compile |
        | --- | ---: | ---: | ---: | ---: | ---: |
        | ex01-workers — Workers in threads | 3 / 5 | 2 / 2 | 0 / 2 | – | 1 / 1 |
        | ex03-parallel-primes — Speedup with threads | 5 / 10 | 0 / 2 | – | 4 / 7 | 1 / 1 |
        | **Total** | **8 / 15** | | | | |

        """);
  }

  @Test
  void showsAMissedGoalWithWhatWasMeasuredRequiredAndWhatToTry() {
    assertThat(render(Grades.mixed()))
        .contains(
            """
        ## ex01-workers — Workers in threads: 3 / 5 points

        Passed 2 of 3 checks.

        ### Missed: threads overlap · 2 points

        the five workers did not overlap

        - measured: 1,512 ms for 5 workers sleeping 300 ms
        - required: under 900 ms

        Try next: start every thread before you join any of them

        #### Every check of ex01-workers

        <details><summary>✅ passed: compiles · 1 / 1</summary>

        Goal: **compile** · 1 / 1 points

        </details>

        <details><summary>✅ passed: prints every result · 2 / 2</summary>

        Goal: **correctness** · 2 / 2 points

        </details>

        <details><summary>❌ missed: threads overlap · 0 / 2</summary>

        Goal: **concurrency** · 0 / 2 points · hidden check

        measured 1.512 s, required at most 0.9 s, calibrated limit 1.2 s

        - cpu over wall: 1.0100

        ```text
        the five workers did not overlap
          measured: 1,512 ms for 5 workers sleeping 300 ms
          required: under 900 ms
          try next: start every thread before you join any of them
        ```

        <details><summary>Captured output</summary>

        ```text
        worker 1 done
        worker 2 done
        ```

        </details>

        </details>
        """);
  }

  @Test
  void listsNotJudgedChecksApartAndExplainsThem() {
    String summary = render(Grades.mixed());

    assertThat(summary)
        .contains(
            """
        ## Not judged here

        The machine could not judge this here; it earns no points and is not a failure. Re-run with \
        --retry-unjudged or on a machine with 2+ CPUs.

        | Exercise | Check | Goal | Points | Reason |
        | --- | --- | --- | ---: | --- |
        | ex03-parallel-primes | speeds up with 8 threads | speedup | 0 / 3 | only 1 CPU here; a speedup needs 2 or more |
        """);
    assertThat(summary)
        .doesNotContain("### Missed: speeds up with 8 threads")
        .contains("<details><summary>➖ not judged: speeds up with 8 threads · 0 / 3</summary>");
  }

  @Test
  void explainsThatAnErroredCheckIsNotTheStudentsFault() {
    assertThat(render(Grades.mixed()))
        .contains(
            """
        <details><summary>⚠️ could not run: counts primes · 0 / 2</summary>

        Goal: **correctness** · 0 / 2 points

        The check could not run because of a problem in the grader or the machine, not in your code. \
        It earned no points in this run.

        the check JVM did not start: exit code 137
        """);
  }

  @Test
  void opensWithABannerWhenNoScoreWasGiven() {
    String summary = render(Grades.infrastructureError());

    assertThat(summary)
        .startsWith(
            """
        # Forklab feedback: no score given

        > **No score was given; this is not your fault.** The grader hit an infrastructure error: the \
        Docker engine stopped answering after 30 s
        > The 8 / 15 points below were graded before the error and are not a grade.

        **Start here:** No score was given; this is not your fault. Grade again once the grader \
        works; your code was not judged.

        """);
    assertThat(summary)
        .contains(
            """
        ## Notes for whoever ran the grader

        - Docker answered slowly; grading took longer than usual
        """);
  }

  @Test
  void saysSoWhenEverythingPassed() {
    assertThat(render(Grades.passing()))
        .contains("All 2 checks passed.")
        .contains("**Start here:** Nothing to fix: every check passed.")
        .doesNotContain("### Missed");
  }

  @Test
  void escapesTablePipesAndMarkupInUserText() {
    String summary = render(Grades.hostile());

    assertThat(summary)
        .contains("| ex01-workers — Workers \\<i\\>in\\</i\\> threads \\| pipes | 0 / 2 |")
        .contains("### Missed: name with \\| pipe and \\<b\\>bold\\</b\\>")
        .contains("expected 5 but got \\<script\\>alert(1)\\</script\\>")
        .contains("- note with ^\\@ NUL and \\<script\\>")
        // Raw only inside a fenced code block, where Markdown shows it as text.
        .contains("```text\nexpected 5 but got <script>alert(1)</script>\n")
        .doesNotContain("\u0000", "\u001B");
  }

  @Test
  void fencesCapturedOutputSoItCannotCloseTheFenceAndCapsIt() {
    String summary = render(Grades.hostile());

    assertThat(summary)
        .contains("\n````text\n]]> <script>alert('x')</script> ``` </details> | ^@ ^[ red &amp;\n")
        .contains("more characters not shown\n````\n")
        .hasSizeLessThan(10_000);
  }

  @Test
  void aHugeGradeGivesASummaryOfAtMost64KibThatSaysWhereTheRestIs() {
    String summary = render(Grades.many(1_000));

    assertThat(summary.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64 * 1024);
    assertThat(summary)
        .startsWith("# Forklab feedback: 0 / 2000 points\n")
        .endsWith(
            """

        _This summary was cut to fit in a merge-request note (64 KiB); report.html and results.json \
        have all of it._
        """);
    assertThat(summary.split("````?text", -1).length % 2).as("fences are closed").isEqualTo(1);
  }

  @Test
  void aSummaryOverTheLimitGivesUpOutputFromTheEndFirst() {
    String summary = render(Grades.many(20));

    assertThat(summary.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64 * 1024);
    assertThat(summary)
        .contains("output of check 1\n")
        .doesNotContain("output of check 12\n")
        .contains(
            "<details><summary>❌ missed: check 12 · 0 / 2</summary>\n\nGoal: **correctness** · 0 / 2"
                + " points\n\n```text\ncheck 12 missed; détails:\n")
        .contains(
            "```text\ncheck 20 missed; détails:\n"
                + ("  " + "measured é   ".repeat(6).strip() + "\n").repeat(19))
        .endsWith("have all of it._\n");
  }

  @Test
  void noStudentTextStartsALineThatGitLabWouldRunAsAQuickAction() {
    String summary = render(Grades.mergeRequestAttack());

    // GitLab runs a line that starts with /command, and ends its code-block exemption at the first
    // ``` line.
    assertThat(summary.lines()).noneMatch(line -> line.stripLeading().startsWith("/"));
    assertThat(summary)
        .contains(
            """
        ```text
        \\/approve
          \\/merge
        pinging @all, @group/team and me@example.com; see [[ATTACHMENT|x.png]]
        """)
        .contains(
            """
        ````text
        ```
        \\/approve
           \\/label ~merged
        ```
        ````
        """);
  }

  @Test
  void mentionsAndDoubleBracketsInStudentTextSitInCodeSpans() {
    assertThat(render(Grades.mergeRequestAttack()))
        .contains("### Missed: echo returns its input · 2 points\n\n\\/approve\n")
        // In Markdown text (a code block above carries the rest, where no forge looks for them).
        .contains(
            "Start here:** Look at 'echo returns its input' in ex01-workers (2 points): /approve");
    assertThat(
            SummaryWriter.cell(
                "pinging @all, @group/team and me@example.com; see [[ATTACHMENT|x.png]]"))
        .isEqualTo(
            "pinging `@all`, `@group/team` and me\\@example.com; see `[[`ATTACHMENT\\|x.png`]]`");
  }
}
