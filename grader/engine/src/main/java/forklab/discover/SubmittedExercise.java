package forklab.discover;

import forklab.course.ExerciseSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * One exercise as found in a submission.
 *
 * @param spec the exercise
 * @param sources the copied {@code .java} files in the workspace; empty when {@code missing}
 * @param sourceRoot the workspace folder the sources were copied into
 * @param missing true when the submission has no {@code <id>/src/main/java}
 * @param problems student-facing remarks on what was refused while copying
 */
public record SubmittedExercise(
    ExerciseSpec spec,
    List<Path> sources,
    Path sourceRoot,
    boolean missing,
    List<String> problems) {
  public SubmittedExercise {
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
  }
}
