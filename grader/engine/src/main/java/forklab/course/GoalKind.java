package forklab.course;

import forklab.api.Goal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a graded check is about: one of Forklab's {@link Goal}s or one a course declares in {@code
 * grader/course.yaml}. Reports group scores by goal, in {@code rank} order.
 *
 * @param id the lower-case id in reports and on the command line, for example {@code speedup}
 * @param description what a check of this goal judges, one short phrase
 * @param rank where the goal sorts: Forklab's in {@link Goal}'s order, a course's after
 *     architecture and before compile
 */
public record GoalKind(String id, String description, int rank) implements Comparable<GoalKind> {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public GoalKind {
    Objects.requireNonNull(description, "description");
    if (!isId(id)) {
      throw new IllegalArgumentException(
          "a goal's id is 1 to 32 of a-z, 0-9 and '-', starting with a letter, not '" + id + "'");
    }
  }

  /** Whether {@code text} can be a goal's id: 1 to 32 of a-z, 0-9 and '-', from a letter. */
  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  /** Forklab's own goal {@code goal}. */
  public static GoalKind of(Goal goal) {
    return new GoalKind(goal.id(), goal.description(), goal.ordinal() * 10);
  }

  /** Whether this is Forklab's own goal {@code goal}. */
  public boolean is(Goal goal) {
    return id.equals(goal.id());
  }

  @Override
  public int compareTo(GoalKind other) {
    return rank != other.rank ? Integer.compare(rank, other.rank) : id.compareTo(other.id);
  }

  @Override
  public String toString() {
    return id;
  }
}
