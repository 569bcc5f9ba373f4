package forklab.score;

import forklab.course.GoalKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The graded checks of one exercise.
 *
 * @param id the exercise id
 * @param title the exercise's title from its descriptor
 * @param checks every check, in a stable order: compile, safety gate, public tests, hidden checks
 * @param notes student-facing remarks about the whole exercise (missing folder, time limit hit,
 *     ...)
 */
public record ExerciseResult(
    String id, String title, List<CheckResult> checks, List<String> notes) {
  public ExerciseResult {
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
  }

  public double score() {
    return checks.stream().mapToDouble(CheckResult::score).sum();
  }

  public double maxScore() {
    return checks.stream().mapToDouble(CheckResult::maxScore).sum();
  }

  /** Earned and maximum points per goal, in goal order; goals without checks are absent. */
  public Map<GoalKind, GoalScore> scoreByGoal() {
    Map<GoalKind, GoalScore> byGoal = new TreeMap<>();
    for (CheckResult check : checks) {
      byGoal.merge(
          check.goal(),
          new GoalScore(check.score(), check.maxScore()),
          (sum, more) -> sum.plus(more.earned(), more.max()));
    }
    return byGoal;
  }
}
