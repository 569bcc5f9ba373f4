package forklab.engine;

import forklab.plan.PlannedCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one grading run grades and how, read once at the edge (the command line) and passed whole to
 * {@link Grader#grade}. Nothing in the engine reads the environment instead.
 *
 * <p>Usage: {@code GradeOptions.of(submission, List.of("ex01-hello"), 42).containerRequired(ci)}.
 *
 * @param submission the folder laid out like {@code exercises/}, or one exercise folder
 * @param exercises exercise ids to grade; all when empty
 * @param seed the seed for randomized checks
 * @param goals grade only the checks of these goals (and compiling); all when empty
 * @param checkName grade only the checks whose name contains this (and compiling); all when empty
 * @param retryUnjudged re-run an exercise up to this many more times while some of its checks are
 *     not judged here, keeping for each such check the first judged verdict
 * @param containerRequired exercises that declare {@code sandbox: required} run only in a container
 *     (CI)
 */
public record GradeOptions(
    Path submission,
    List<String> exercises,
    long seed,
    Set<String> goals,
    String checkName,
    int retryUnjudged,
    boolean containerRequired) {

  public GradeOptions {
    Objects.requireNonNull(submission, "submission");
    exercises = List.copyOf(exercises);
    goals = Set.copyOf(goals);
    checkName = checkName == null ? "" : checkName;
    if (retryUnjudged < 0) {
      throw new IllegalArgumentException("--retry-unjudged takes 0 or more, not " + retryUnjudged);
    }
  }

  /** All checks of {@code exercises} (all when empty), no retries, no container required. */
  public static GradeOptions of(Path submission, List<String> exercises, long seed) {
    return new GradeOptions(submission, exercises, seed, Set.of(), "", 0, false);
  }

  /** These options, grading only the checks of {@code goals} whose name contains {@code name}. */
  public GradeOptions only(Set<String> goals, String name) {
    return new GradeOptions(
        submission, exercises, seed, goals, name, retryUnjudged, containerRequired);
  }

  /** These options with another retry count. */
  public GradeOptions retryUnjudged(int times) {
    return new GradeOptions(
        submission, exercises, seed, goals, checkName, times, containerRequired);
  }

  /** These options, requiring a container or not. */
  public GradeOptions containerRequired(boolean required) {
    return new GradeOptions(submission, exercises, seed, goals, checkName, retryUnjudged, required);
  }

  /** Whether some checks are left out. */
  public boolean filtersChecks() {
    return !goals.isEmpty() || !checkName.isEmpty();
  }

  /** Whether {@code check} is graded. */
  public boolean selects(PlannedCheck check) {
    return (goals.isEmpty() || goals.contains(check.goal().id()))
        && check.name().contains(checkName);
  }
}
