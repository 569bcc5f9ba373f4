package forklab.course;

import java.util.List;

/**
 * {@code grader/course.yaml} as written, bound by Jackson like {@link Descriptor}: what holds for
 * every exercise of the course. Optional; absent keys are null.
 *
 * <pre>{@code
 * goals:
 *   - id: fairness
 *     description: every worker gets its turn
 * }</pre>
 */
record CourseDescriptor(List<GoalDeclaration> goals) {

  /** A goal kind the course adds to Forklab's. */
  record GoalDeclaration(String id, String description) {}
}
