package forklab.score;

import forklab.course.GoalKind;
import java.time.Duration;
import java.util.Objects;

/**
 * One graded check of one exercise, as the reports show it.
 *
 * @param exercise the exercise id, for example {@code ex03-parallel-primes}
 * @param name the check's name, unique within its exercise and stable across runs
 * @param goal what the check judges
 * @param hidden true for a hidden check, false for a public test or a grader-made check
 * @param score the points earned
 * @param maxScore the points the check is worth
 * @param verdict pass, fail, not judged, or error
 * @param feedback the student-facing message: empty when passed, never null
 * @param output a capped excerpt of what the submission printed during the check, never null
 * @param measurement what was measured, or null for checks without a measurement
 * @param duration how long the check ran, {@link Duration#ZERO} when it did not run
 */
public record CheckResult(
    String exercise,
    String name,
    GoalKind goal,
    boolean hidden,
    double score,
    double maxScore,
    Verdict verdict,
    String feedback,
    String output,
    Measurement measurement,
    Duration duration) {

  public CheckResult {
    Objects.requireNonNull(exercise, "exercise");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(duration, "duration");
    if (score < 0 || score > maxScore) {
      throw new IllegalArgumentException(
          "score " + score + " outside 0.." + maxScore + " for " + name);
    }
  }

  public boolean passed() {
    return verdict == Verdict.PASS;
  }
}
