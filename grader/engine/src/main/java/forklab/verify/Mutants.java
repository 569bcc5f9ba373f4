package forklab.verify;

import forklab.course.Course;
import forklab.course.ExerciseSpec;
import forklab.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Mutants live in {@code solutions/<id>/mutants/<name>/src/main/java} and hold only the files that
 * differ from the reference; this lays one out as a whole submission.
 */
public final class Mutants {
  private static final String CAUGHT_BY = "Caught by:";

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
   * The check that {@code mutant}'s {@code MUTANT.md} names on a line {@code Caught by: <check
   * name>}: the one check that must catch it. Empty when it names none; then any hidden check may.
   */
  public static Optional<String> caughtBy(Path mutant) throws IOException {
    Path notes = mutant.resolve("MUTANT.md");
    if (!Files.isRegularFile(notes)) {
      return Optional.empty();
    }
    return Files.readAllLines(notes).stream()
        .map(String::strip)
        .filter(line -> line.startsWith(CAUGHT_BY))
        .map(line -> line.substring(CAUGHT_BY.length()).strip())
        .filter(name -> !name.isEmpty())
        .findFirst();
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
