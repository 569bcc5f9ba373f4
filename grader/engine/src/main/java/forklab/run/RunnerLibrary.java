package forklab.run;

import forklab.course.ExerciseSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runner as the build of {@code grader/runner} leaves it under Forklab's home: its class path
 * (its classes and the jars in {@code runner-lib}), its trusted modules ({@code runner-modules},
 * the hardening module, which alone gets native access in the check JVM), and the check libraries
 * an exercise may ask for ({@code libraries/<name>}).
 *
 * @param classpath the check JVM's class path, before the student's classes
 * @param trustedModules modular jars named after their module ({@code forklab-hardening.jar})
 * @param agents Java agents the check JVM loads at start, from the libraries added with {@link
 *     #withLibraries}
 * @param libraries the folder that holds one folder of jars per check library; it may not exist
 */
public record RunnerLibrary(
    List<Path> classpath, List<Path> trustedModules, List<Path> agents, Path libraries) {
  public RunnerLibrary {
    classpath = List.copyOf(classpath);
    trustedModules = List.copyOf(trustedModules);
    agents = List.copyOf(agents);
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
    return new RunnerLibrary(entries, jars(modules), List.of(), target.resolve("libraries"));
  }

  /**
   * This runner with the jars of the named check libraries after its own on the class path, and
   * their agents ({@code libraries/<name>/agents/*.jar}) loaded at start: a library that
   * instruments classes cannot attach later, because the check JVM refuses attach.
   *
   * @throws IllegalArgumentException naming a library this Forklab does not have, and those it has
   */
  public RunnerLibrary withLibraries(List<String> names) {
    if (names.isEmpty()) {
      return this;
    }
    List<Path> entries = new ArrayList<>(classpath);
    List<Path> loadedAgents = new ArrayList<>(agents);
    for (String name : names) {
      Path folder = libraries.resolve(name);
      if (!ExerciseSpec.isLibraryName(name) || !Files.isDirectory(folder)) {
        throw new IllegalArgumentException(
            "no check library '" + name + "' in " + libraries + "; there are: " + available());
      }
      entries.addAll(jars(folder));
      loadedAgents.addAll(jars(folder.resolve("agents")));
    }
    return new RunnerLibrary(entries, trustedModules, loadedAgents, libraries);
  }

  /** The names of the check libraries built here, comma-separated, or "none". */
  public String available() {
    if (!Files.isDirectory(libraries)) {
      return "none";
    }
    try (Stream<Path> folders = Files.list(libraries)) {
      List<String> names =
          folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      return names.isEmpty() ? "none" : String.join(", ", names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> jars(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> jars = Files.list(folder)) {
      return jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
