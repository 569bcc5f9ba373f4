package forklab.plan;

import forklab.course.GoalKind;
import java.util.Objects;

/**
 * A check the exercise declares, known before any student code runs.
 *
 * @param id {@code class#method}, how the runner names it
 * @param name the check's name in reports, unique within the exercise
 * @param goal what it judges
 * @param points what it is worth
 * @param hidden true for a hidden check, false for a public test
 */
public record PlannedCheck(String id, String name, GoalKind goal, double points, boolean hidden) {
  public PlannedCheck {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(goal, "goal");
    if (points < 0) {
      throw new IllegalArgumentException("negative points for " + id);
    }
  }
}
