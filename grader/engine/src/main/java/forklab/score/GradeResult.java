package forklab.score;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 */
public record GradeResult(
    String version,
    String sandbox,
    Instant startedAt,
    Duration elapsed,
    List<ExerciseResult> exercises,
    String infrastructureError,
    List<String> warnings) {

  public GradeResult {
    exercises = List.copyOf(exercises);
    warnings = List.copyOf(warnings);
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
