package forklab.report;

import forklab.score.GradeResult;
import java.util.List;

/**
 * Everything a student reads about one grade, worded once and built once by {@link #of}: every
 * report renders this document. Text in it is already cleaned ({@link Text#clean}) but not escaped;
 * each format escapes for itself.
 *
 * @param headline {@code 8 / 15 points}, or {@code no score given}
 * @param infrastructureError null, or the infrastructure error on one line
 * @param pointsBeforeError the points graded before an infrastructure error, {@code 8 / 15}
 * @param startHere the single most useful next step, one line
 * @param table the score by exercise and goal
 * @param exercises one entry per exercise, in report order
 * @param notJudged the checks that were not judged here, over all exercises
 * @param warnings remarks for whoever ran the grader
 * @param footer {@code Forklab 0.1.0 · local sandbox · graded in 8.126 s}
 * @param startedAt when grading started (ISO-8601), or null
 */
public record Feedback(
    String headline,
    String infrastructureError,
    String pointsBeforeError,
    String startHere,
    ScoreTable table,
    List<ExerciseFeedback> exercises,
    List<CheckFeedback> notJudged,
    List<String> warnings,
    String footer,
    String startedAt) {

  /** The feedback document of {@code grade}. */
  public static Feedback of(GradeResult grade) {
    return FeedbackBuilder.build(grade);
  }

  public boolean hasInfrastructureError() {
    return infrastructureError != null;
  }

  /**
   * Score by exercise and goal.
   *
   * @param goals the goal ids that head the columns, in goal order
   * @param rows one row per exercise
   * @param total the total points, {@code 8 / 15}
   */
  public record ScoreTable(List<String> goals, List<Row> rows, String total) {}

  /**
   * @param exercise {@code id — title}
   * @param points {@code 3 / 5}
   * @param byGoal one cell per goal of the table: {@code 1 / 2}, or {@code –} without such checks
   */
  public record Row(String exercise, String points, List<String> byGoal) {}

  /**
   * One exercise.
   *
   * @param id the exercise id
   * @param title {@code id — title}
   * @param points {@code 3 / 5}
   * @param percent the share of points earned, 0 to 100
   * @param tally {@code Passed 2 of 5 checks.}, {@code All 5 checks passed.} or {@code No checks
   *     ran.}
   * @param notes remarks about the whole exercise
   * @param fixes what to fix, most points first: groups of checks missed for one reason, and single
   *     missed checks
   * @param checks every check, in report order
   * @param charts the charts of its measured checks
   */
  public record ExerciseFeedback(
      String id,
      String title,
      String points,
      double percent,
      String tally,
      List<String> notes,
      List<Fix> fixes,
      List<CheckFeedback> checks,
      List<Charts.Chart> charts) {}

  /**
   * Checks missed for one reason, or one missed check.
   *
   * @param headline what went wrong, one line: {@code 15 checks wait on Workers.inThreads, which
   *     still throws TODO (Workers.java:20)}, or {@code Missed: <check>}
   * @param detail the first line of a single check's feedback, or empty
   * @param evidence a single check's {@code measured: ...} and {@code required: ...} lines
   * @param advice what to try next, or empty
   * @param points the points at stake, {@code 12}
   * @param checks the names of the checks, one or more
   */
  public record Fix(
      String headline,
      String detail,
      List<String> evidence,
      String advice,
      String points,
      List<String> checks) {
    public boolean grouped() {
      return checks.size() > 1;
    }

    /** {@code 1 point}, {@code 12 points}. */
    public String pointsLabel() {
      return points + (points.equals("1") ? " point" : " points");
    }
  }

  /**
   * One check as a student reads it.
   *
   * @param exercise the exercise id
   * @param name the check's name, cleaned
   * @param verdict {@code pass}, {@code fail}, {@code not_judged} or {@code error}
   * @param label {@code passed}, {@code missed}, {@code not judged} or {@code could not run}
   * @param goal the goal id
   * @param points {@code 0 / 2}
   * @param hidden whether it is a hidden check
   * @param message the whole feedback, cleaned (capped by the score stage only)
   * @param firstLine the feedback's first line
   * @param notJudgedReason why it was not judged, for a not-judged check, else empty
   * @param measurement what was measured, or null
   * @param output what the submission printed, cleaned
   * @param replay the command that grades this check alone, or empty for a passed check or when the
   *     grade does not know how
   */
  public record CheckFeedback(
      String exercise,
      String name,
      String verdict,
      String label,
      String goal,
      String points,
      boolean hidden,
      String message,
      String firstLine,
      String notJudgedReason,
      MeasurementFeedback measurement,
      String output,
      String replay) {

    public boolean missed() {
      return verdict.equals("fail");
    }

    public boolean errored() {
      return verdict.equals("error");
    }

    /** {@code Goal: correctness · 0 / 2 points · hidden check}. */
    public String goalLine() {
      return "Goal: " + goal + " · " + points + " points" + (hidden ? " · hidden check" : "");
    }
  }

  /**
   * A measurement as a student reads it.
   *
   * @param line {@code measured 1.2 x, required at least 1.5 x, calibrated limit 1.8 x}
   * @param details text evidence, {@code label: value}, as published
   */
  public record MeasurementFeedback(String line, List<String> details) {}
}
