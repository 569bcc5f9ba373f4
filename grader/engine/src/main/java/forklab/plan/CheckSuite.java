package forklab.plan;

import forklab.course.ExerciseSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An exercise's compiled checks and their plan.
 *
 * @param exercise the exercise
 * @param publicTests compiled public tests
 * @param hiddenChecks compiled hidden checks
 * @param checks every graded check: public tests first, then hidden checks, each in source order
 */
public record CheckSuite(
    ExerciseSpec exercise, Path publicTests, Path hiddenChecks, List<PlannedCheck> checks) {
  public CheckSuite {
    checks = List.copyOf(checks);
  }

  public List<Path> roots() {
    return List.of(publicTests, hiddenChecks);
  }

  /** The compiled fixtures (see {@link ExerciseSpec#fixtures()}), beside the hidden checks. */
  public Path fixtures() {
    return hiddenChecks.resolveSibling("fixtures");
  }

  /** The class path of the code under test: the fixtures, if any, then {@code classes}. */
  public List<Path> classpathWith(Path classes) {
    return Files.isDirectory(fixtures()) ? List.of(fixtures(), classes) : List.of(classes);
  }
}
