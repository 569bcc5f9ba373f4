package forklab.course;

import forklab.api.Goal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The goal kinds of a course: Forklab's {@link Goal}s, then the ones {@code grader/course.yaml}
 * declares. The one list that {@code --goal}, the reports and the docs take goals from.
 */
public record Goals(List<GoalKind> kinds) {
  /** Where a course's goals sort: after architecture, before compile. */
  private static final int COURSE_RANK = Goal.ARCHITECTURE.ordinal() * 10 + 5;

  public Goals {
    kinds = kinds.stream().sorted().toList();
    if (kinds.stream().map(GoalKind::id).distinct().count() != kinds.size()) {
      throw new IllegalArgumentException("a goal is declared twice: " + ids());
    }
  }

  /** Forklab's own goals only. */
  public static Goals builtIn() {
    return new Goals(Arrays.stream(Goal.values()).map(GoalKind::of).toList());
  }

  /** Forklab's goals and {@code declared} (id and description each), which sort before compile. */
  public static Goals withCourse(List<GoalKind> declared) {
    List<GoalKind> all = new ArrayList<>(builtIn().kinds());
    for (GoalKind goal : declared) {
      all.add(new GoalKind(goal.id(), goal.description(), COURSE_RANK));
    }
    return new Goals(all);
  }

  public Optional<GoalKind> find(String id) {
    return kinds.stream().filter(goal -> goal.id().equals(id)).findFirst();
  }

  /** The goal {@code id}, or an error that names the goals there are. */
  public GoalKind require(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown goal '" + id + "'; the goals are " + String.join(", ", ids())));
  }

  public List<String> ids() {
    return kinds.stream().map(GoalKind::id).toList();
  }
}
