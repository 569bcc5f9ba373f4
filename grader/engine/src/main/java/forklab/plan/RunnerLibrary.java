package forklab.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runner's classpath: its classes and the jars in {@code runner-lib}, as the build of
 * {@code grader/runner} leaves them under Forklab's home.
 */
public final class RunnerLibrary {
  private RunnerLibrary() {}

  public static List<Path> classpath(Path home) {
    Path target = home.resolve("grader/runner/target");
    Path classes = target.resolve("classes");
    Path lib = target.resolve("runner-lib");
    if (!Files.isDirectory(classes.resolve("forklab/runner")) || !Files.isDirectory(lib)) {
      throw new IllegalStateException(
          "the runner is not built: " + target + " lacks classes or runner-lib; run ./forklab once or ./mvnw -DskipTests install");
    }
    List<Path> entries = new ArrayList<>();
    entries.add(classes);
    try (Stream<Path> jars = Files.list(lib)) {
      jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().forEach(entries::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(entries);
  }
}
