package forklab.report;

import forklab.api.Goal;
import forklab.course.GoalKind;
import forklab.score.CheckResult;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import forklab.score.Measurement;
import forklab.score.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-built grades that cover every verdict, an infrastructure error and hostile output. */
final class Grades {
  static final Instant STARTED = Instant.parse("2025-03-04T10:15:30.250Z");

  static final String OVERLAP_FEEDBACK =
      """
      the five workers did not overlap
        measured: 1,512 ms for 5 workers sleeping 300 ms
        required: under 900 ms
        try next: start every thread before you join any of them""";

  /** A hostile excerpt: markup, CDATA end, a fence, NUL, a lone ESC and an ANSI colour. */
  static final String HOSTILE =
      "]]> <script>alert('x')</script> ``` </details> | \u0000 \u001B \u001B[31mred\u001B[0m &amp;";

  private Grades() {}

  static CheckResult check(
      String exercise, String name, GoalKind goal, double score, double max, Verdict verdict) {
    return new CheckResult(
        exercise, name, goal, false, score, max, verdict, "", "", null, Duration.ofMillis(120));
  }

  static CheckResult compiles(String exercise) {
    return check(exercise, "compiles", GoalKind.of(Goal.COMPILE), 1, 1, Verdict.PASS);
  }

  /** ex01 misses a hidden concurrency check with a measurement and captured output. */
  static CheckResult overlapMissed() {
    return new CheckResult(
        "ex01-workers",
        "threads overlap",
        GoalKind.of(Goal.CONCURRENCY),
        true,
        0,
        2,
        Verdict.FAIL,
        OVERLAP_FEEDBACK,
        "worker 1 done\nworker 2 done\n",
        new Measurement(
            1.512,
            Measurement.Direction.AT_MOST,
            0.9,
            "s",
            Map.of("calibrated limit", 1.2),
            Map.of("cpu over wall", "1.0100"),
            Measurement.Series.NONE),
        Duration.ofMillis(1_612));
  }

  static ExerciseResult workers() {
    return new ExerciseResult(
        "ex01-workers",
        "Workers in threads",
        List.of(
            compiles("ex01-workers"),
            check(
                "ex01-workers",
                "prints every result",
                GoalKind.of(Goal.CORRECTNESS),
                2,
                2,
                Verdict.PASS),
            overlapMissed()),
        List.of());
  }

  static ExerciseResult primes() {
    return new ExerciseResult(
        "ex03-parallel-primes",
        "Speedup with threads",
        List.of(
            compiles("ex03-parallel-primes"),
            new CheckResult(
                "ex03-parallel-primes",
                "counts primes",
                GoalKind.of(Goal.CORRECTNESS),
                false,
                0,
                2,
                Verdict.ERROR,
                "the check JVM did not start: exit code 137",
                "",
                null,
                Duration.ZERO),
            speedup(2, 1.9, 1.5, Verdict.PASS, 2),
            speedup(4, 3.5, 2.5, Verdict.PASS, 2),
            new CheckResult(
                "ex03-parallel-primes",
                "speeds up with 8 threads",
                GoalKind.of(Goal.SPEEDUP),
                true,
                0,
                3,
                Verdict.NOT_JUDGED,
                "not judged here: only 1 CPU here; a speedup needs 2 or more",
                "",
                null,
                Duration.ofMillis(5))),
        List.of("time limit of 240 s hit after the last check"));
  }

  private static CheckResult speedup(
      int threads, double measured, double required, Verdict verdict, double points) {
    return new CheckResult(
        "ex03-parallel-primes",
        "speeds up with " + threads + " threads",
        GoalKind.of(Goal.SPEEDUP),
        true,
        verdict == Verdict.PASS ? points : 0,
        points,
        verdict,
        "",
        "",
        new Measurement(
            measured,
            Measurement.Direction.AT_LEAST,
            required,
            "x",
            Map.of(),
            Map.of("threads", String.valueOf(threads)),
            threads < 4
                ? Measurement.Series.NONE
                : new Measurement.Series(
                    "threads",
                    Map.of(
                        "measured",
                        List.of(
                            new Measurement.Point(1, 1), new Measurement.Point(threads, measured)),
                        "calibrated limit",
                        List.of(
                            new Measurement.Point(1, 1), new Measurement.Point(threads, 3.8))))),
        Duration.ofSeconds(2));
  }

  static GradeResult grade(
      List<ExerciseResult> exercises, String infrastructureError, List<String> warnings) {
    return new GradeResult(
        "0.1.0",
        "docker",
        STARTED,
        Duration.ofMillis(12_345),
        exercises,
        infrastructureError,
        warnings);
  }

  /** Everything passes. */
  static GradeResult passing() {
    return grade(
        List.of(
            new ExerciseResult(
                "ex01-workers",
                "Workers in threads",
                List.of(
                    compiles("ex01-workers"),
                    check(
                        "ex01-workers",
                        "prints every result",
                        GoalKind.of(Goal.CORRECTNESS),
                        2,
                        2,
                        Verdict.PASS)),
                List.of())),
        null,
        List.of());
  }

  /** A pass, a failure with a measurement, an error and a not-judged check, over two exercises. */
  static GradeResult mixed() {
    return grade(List.of(workers(), primes()), null, List.of());
  }

  /** The mixed grade, cut short by the sandbox. */
  static GradeResult infrastructureError() {
    return grade(
        List.of(workers(), primes()),
        "the Docker engine stopped answering after 30 s",
        List.of("Docker answered slowly; grading took longer than usual"));
  }

  /** Hostile text everywhere a student can reach, and one megabyte of output. */
  static GradeResult hostile() {
    String megabyte = ("all work and no play " + HOSTILE + "\n").repeat(1024 * 1024 / 60);
    CheckResult loud =
        new CheckResult(
            "ex01-workers",
            "name with | pipe and <b>bold</b>",
            GoalKind.of(Goal.CORRECTNESS),
            false,
            0,
            2,
            Verdict.FAIL,
            "expected 5 but got <script>alert(1)</script>\n  output: " + HOSTILE,
            HOSTILE + "\n" + megabyte,
            new Measurement(Double.NaN, 0.9, "s", Map.of("fraction of limit", "<img src=x>")),
            Duration.ofMillis(3));
    return grade(
        List.of(
            new ExerciseResult(
                "ex01-workers",
                "Workers <i>in</i> threads | pipes",
                List.of(loud),
                List.of("note with \u0000 NUL and <script>"))),
        null,
        List.of("warning with \u001B[1mbold\u001B[0m"));
  }

  /**
   * Student text that GitLab would act on in a merge-request note, and a right-to-left override.
   */
  static GradeResult mergeRequestAttack() {
    CheckResult approves =
        new CheckResult(
            "ex01-workers",
            "echo returns its input",
            GoalKind.of(Goal.CORRECTNESS),
            false,
            0,
            2,
            Verdict.FAIL,
            "/approve\n  /merge\npinging @all, @group/team and me@example.com; see [[ATTACHMENT|x.png]]\n"
                + "expected user\u202Egnp.exe\u202C and \u2066isolated\u2069 \u200Fmarks\u200E",
            "```\n/approve\n   /label ~merged\n```\n",
            null,
            Duration.ofMillis(3));
    return grade(
        List.of(
            new ExerciseResult(
                "ex01-workers",
                "Workers in threads",
                List.of(approves),
                List.of("refused symbolic link src/main/java/\u202Etxt.java: submit real files"))),
        null,
        List.of());
  }

  /**
   * {@code count} failed checks, each with feedback of 20 lines (about 1,900 bytes, some of them
   * two-byte characters) and 1,500 characters of output, and 21 long notes.
   */
  static GradeResult many(int count) {
    List<CheckResult> checks = new java.util.ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String feedback =
          ("check " + i + " missed; détails:\n" + ("  measured é ".repeat(6) + "\n").repeat(19))
              .strip();
      checks.add(
          new CheckResult(
              "ex01-workers",
              "check " + i,
              GoalKind.of(Goal.CORRECTNESS),
              false,
              0,
              2,
              Verdict.FAIL,
              feedback,
              ("output of check " + i + "\n").repeat(75),
              null,
              Duration.ofMillis(3)));
    }
    List<String> notes =
        java.util.stream.IntStream.rangeClosed(1, 21)
            .mapToObj(i -> "note " + i + " " + "n".repeat(900))
            .toList();
    return grade(
        List.of(new ExerciseResult("ex01-workers", "Workers in threads", checks, notes)),
        null,
        List.of());
  }

  /** Every fixture, for tests that must hold for all of them. */
  static List<GradeResult> all() {
    return List.of(
        passing(),
        mixed(),
        infrastructureError(),
        hostile(),
        mergeRequestAttack(),
        grade(List.of(), null, List.of()));
  }
}
