package forklab.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runner as the build of {@code grader/runner} leaves it under Forklab's home: its class path
 * (its classes and the jars in {@code runner-lib}) and its trusted modules ({@code runner-modules},
 * the hardening module, which alone gets native access in the check JVM).
 *
 * @param classpath the check JVM's class path, before the student's classes
 * @param trustedModules modular jars named after their module ({@code forklab-hardening.jar})
 */
public record RunnerLibrary(List<Path> classpath, List<Path> trustedModules) {
  public RunnerLibrary {
    classpath = List.copyOf(classpath);
    trustedModules = List.copyOf(trustedModules);
  }

  /** The runner built under {@code home}. */
  public static RunnerLibrary of(Path home) {
    Path target = home.resolve("grader/runner/target");
    Path classes = target.resolve("classes");
    Path lib = target.resolve("runner-lib");
    Path modules = target.resolve("runner-modules");
    if (!Files.isDirectory(classes.resolve("forklab/runner"))
        || !Files.isDirectory(lib)
        || !Files.isDirectory(modules)) {
      throw new IllegalStateException(
          "the runner is not built: "
              + target
              + " lacks classes, runner-lib or runner-modules; run ./forklab once or ./mvnw -DskipTests package");
    }
    List<Path> entries = new ArrayList<>();
    entries.add(classes);
    entries.addAll(jars(lib));
    return new RunnerLibrary(entries, jars(modules));
  }

  private static List<Path> jars(Path folder) {
    try (Stream<Path> jars = Files.list(folder)) {
      return jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
