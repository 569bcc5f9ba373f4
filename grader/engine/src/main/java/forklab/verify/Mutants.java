package forklab.verify;

import forklab.course.Course;
import forklab.course.ExerciseSpec;
import forklab.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Mutants live in {@code solutions/<id>/mutants/<name>/src/main/java} and hold only the files that
 * differ from the reference; this lays one out as a whole submission.
 */
public final class Mutants {
  private Mutants() {}

  /** The mutant folders of {@code exercise}, by name. */
  public static List<Path> of(Course course, ExerciseSpec exercise) throws IOException {
    Path folder = course.mutants(exercise);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> mutants = Files.list(folder)) {
      return mutants
          .filter(path -> Files.isDirectory(path.resolve("src/main/java")))
          .sorted()
          .toList();
    }
  }

  /**
   * Writes the reference with {@code mutant}'s files laid over it to {@code target/<id>}, and
   * returns that exercise folder.
   */
  public static Path assemble(Course course, ExerciseSpec exercise, Path mutant, Path target)
      throws IOException {
    Path sources = target.resolve(exercise.id()).resolve("src/main/java");
    FileTrees.copy(course.solution(exercise), sources);
    FileTrees.copy(mutant.resolve("src/main/java"), sources);
    return target.resolve(exercise.id());
  }
}
