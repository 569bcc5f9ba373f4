package forklab.score;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The whole grade of one submission: what every report is written from.
 *
 * @param version Forklab's version
 * @param sandbox {@code docker} or {@code local}
 * @param startedAt when grading started
 * @param elapsed how long grading took
 * @param exercises one result per graded exercise, in id order
 * @param infrastructureError null, or why no score could be given (never the student's fault)
 * @param warnings remarks for whoever runs the grader (sandbox fallback, ...)
 * @param replay how to grade the same submission again, or null when not known
 */
public record GradeResult(
    String version,
    String sandbox,
    Instant startedAt,
    Duration elapsed,
    List<ExerciseResult> exercises,
    String infrastructureError,
    List<String> warnings,
    Replay replay) {

  /**
   * What {@code grade} was given, to replay one check alone.
   *
   * @param submission the submission folder as given on the command line
   * @param course the {@code --course} as given, or empty for Forklab's own
   * @param seed the seed of randomized checks
   */
  public record Replay(String submission, String course, long seed) {
    public Replay {
      Objects.requireNonNull(submission, "submission");
      Objects.requireNonNull(course, "course");
    }
  }

  /** This grade, replayed with {@code replay}. */
  public GradeResult withReplay(Replay replay) {
    return new GradeResult(
        version, sandbox, startedAt, elapsed, exercises, infrastructureError, warnings, replay);
  }

  public GradeResult {
    exercises = List.copyOf(exercises);
    warnings = List.copyOf(warnings);
  }

  /** A grade that does not know how to replay its checks. */
  public GradeResult(
      String version,
      String sandbox,
      Instant startedAt,
      Duration elapsed,
      List<ExerciseResult> exercises,
      String infrastructureError,
      List<String> warnings) {
    this(version, sandbox, startedAt, elapsed, exercises, infrastructureError, warnings, null);
  }

  public double score() {
    return exercises.stream().mapToDouble(ExerciseResult::score).sum();
  }

  public double maxScore() {
    return exercises.stream().mapToDouble(ExerciseResult::maxScore).sum();
  }

  public boolean hasInfrastructureError() {
    return infrastructureError != null;
  }

  /** Every check of every exercise, in report order. */
  public List<CheckResult> checks() {
    return exercises.stream().flatMap(exercise -> exercise.checks().stream()).toList();
  }
}
