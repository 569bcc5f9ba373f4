package forklab.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The exercises under a Forklab home: one per {@code grader/checks/<id>/exercise.yaml}, with its
 * skeleton and public tests under {@code exercises/<id>} and reference under {@code solutions/<id>}.
 */
public record Course(Path home, List<ExerciseSpec> exercises) {
  private static final Set<String> KNOWN_KEYS =
      Set.of("id", "title", "package", "points", "limits", "sandbox", "allow");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public Course {
    exercises = List.copyOf(exercises);
  }

  /** Reads every descriptor under {@code home}; a malformed one fails with its path and reason. */
  public static Course load(Path home) {
    Path checks = home.resolve("grader/checks");
    if (!Files.isDirectory(checks)) {
      throw new IllegalArgumentException(
          "no exercises found: " + checks + " does not exist (is " + home + " a Forklab home?)");
    }
    List<ExerciseSpec> specs = new ArrayList<>();
    try (Stream<Path> folders = Files.list(checks)) {
      for (Path folder : folders.sorted().toList()) {
        Path descriptor = folder.resolve("exercise.yaml");
        if (Files.isRegularFile(descriptor)) {
          specs.add(read(home, descriptor));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + checks, e);
    }
    specs.sort(Comparator.comparing(ExerciseSpec::id));
    return new Course(home, specs);
  }

  public Optional<ExerciseSpec> find(String id) {
    return exercises.stream().filter(spec -> spec.id().equals(id)).findFirst();
  }

  public List<String> ids() {
    return exercises.stream().map(ExerciseSpec::id).toList();
  }

  /** The reference solution's source folder of {@code exercise}. */
  public Path solution(ExerciseSpec exercise) {
    return home.resolve("solutions").resolve(exercise.id()).resolve("src/main/java");
  }

  /** The mutants' folder of {@code exercise}: one sub-folder per mutant. */
  public Path mutants(ExerciseSpec exercise) {
    return home.resolve("solutions").resolve(exercise.id()).resolve("mutants");
  }

  static ExerciseSpec read(Path home, Path descriptor) {
    try {
      JsonNode root = YAML.readTree(descriptor.toFile());
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("is empty or not a mapping");
      }
      for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!KNOWN_KEYS.contains(name)) {
          throw new IllegalArgumentException("unknown key '" + name + "' (known: " + KNOWN_KEYS + ")");
        }
      }
      String id = text(root, "id", descriptor.getParent().getFileName().toString());
      if (!id.equals(descriptor.getParent().getFileName().toString())) {
        throw new IllegalArgumentException("id '" + id + "' differs from its folder name");
      }
      JsonNode points = root.path("points");
      JsonNode limits = root.path("limits");
      Limits defaults = Limits.DEFAULTS;
      Set<ForbiddenApi> allowed = EnumSet.noneOf(ForbiddenApi.class);
      root.path("allow").forEach(rule -> allowed.add(ForbiddenApi.fromId(rule.asText())));
      return new ExerciseSpec(
          id,
          text(root, "title", id),
          text(root, "package", null),
          points.path("compile").asDouble(1),
          points.path("public-test").asDouble(1),
          new Limits(
              limits.path("time-limit-seconds").asInt(defaults.timeLimitSeconds()),
              limits.path("test-timeout-seconds").asInt(defaults.testTimeoutSeconds()),
              limits.path("heap-mb").asInt(defaults.heapMb()),
              limits.path("output-kib").asInt(defaults.outputKib()),
              limits.path("memory-mb").asInt(defaults.memoryMb()),
              limits.path("pids").asInt(defaults.pids()),
              limits.path("cpus").asInt(defaults.cpus())),
          SandboxNeed.valueOf(text(root, "sandbox", "optional").toUpperCase(java.util.Locale.ROOT)),
          allowed,
          home.resolve("exercises").resolve(id).resolve("src/main/java"),
          home.resolve("exercises").resolve(id).resolve("src/test/java"),
          descriptor.getParent().resolve("java"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(descriptor + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode root, String name, String fallback) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      if (fallback == null) {
        throw new IllegalArgumentException("missing '" + name + "'");
      }
      return fallback;
    }
    return node.asText();
  }
}
