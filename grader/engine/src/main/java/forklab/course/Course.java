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
 * skeleton and public tests under {@code exercises/<id>} and reference under {@code
 * solutions/<id>}.
 */
public record Course(Path home, List<ExerciseSpec> exercises) {
  private static final Set<String> KNOWN_KEYS =
      new java.util.TreeSet<>(
          Set.of(
              "id",
              "title",
              "package",
              "points",
              "limits",
              "sandbox",
              "allow",
              "packages",
              "jvm-options",
              "calibrate"));
  private static final Set<String> POINT_KEYS =
      new java.util.TreeSet<>(Set.of("compile", "public-test"));
  private static final Set<String> LIMIT_KEYS =
      new java.util.TreeSet<>(
          Set.of(
              "time-limit-seconds",
              "test-timeout-seconds",
              "heap-mb",
              "output-kib",
              "memory-mb",
              "pids",
              "cpus"));
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
      knownKeys(root, KNOWN_KEYS, "");
      String id = text(root, "id", descriptor.getParent().getFileName().toString());
      if (!id.equals(descriptor.getParent().getFileName().toString())) {
        throw new IllegalArgumentException("id '" + id + "' differs from its folder name");
      }
      JsonNode points = root.path("points");
      JsonNode limits = root.path("limits");
      knownKeys(points, POINT_KEYS, "points.");
      knownKeys(limits, LIMIT_KEYS, "limits.");
      Limits defaults = Limits.DEFAULTS;
      Set<ForbiddenApi> allowed = EnumSet.noneOf(ForbiddenApi.class);
      root.path("allow").forEach(rule -> allowed.add(ForbiddenApi.fromId(rule.asText())));
      Set<String> packages = new java.util.TreeSet<>();
      root.path("packages").forEach(name -> packages.add(name.asText().trim()));
      List<String> jvmOptions = new ArrayList<>();
      root.path("jvm-options").forEach(option -> jvmOptions.add(option.asText()));
      String sandbox = text(root, "sandbox", "optional");
      if (!sandbox.equals("optional") && !sandbox.equals("required")) {
        throw new IllegalArgumentException(
            "sandbox must be optional or required, not '" + sandbox + "'");
      }
      JsonNode calibrate = root.path("calibrate");
      if (!calibrate.isMissingNode() && !calibrate.isBoolean()) {
        throw new IllegalArgumentException(
            "calibrate must be true or false, not '" + calibrate.asText() + "'");
      }
      return new ExerciseSpec(
          id,
          text(root, "title", id),
          text(root, "package", null),
          number(points, "points.", "compile", 1),
          number(points, "points.", "public-test", 1),
          new Limits(
              whole(limits, "time-limit-seconds", defaults.timeLimitSeconds()),
              whole(limits, "test-timeout-seconds", defaults.testTimeoutSeconds()),
              whole(limits, "heap-mb", defaults.heapMb()),
              whole(limits, "output-kib", defaults.outputKib()),
              whole(limits, "memory-mb", defaults.memoryMb()),
              whole(limits, "pids", defaults.pids()),
              whole(limits, "cpus", defaults.cpus())),
          SandboxNeed.valueOf(sandbox.toUpperCase(java.util.Locale.ROOT)),
          allowed,
          home.resolve("exercises").resolve(id).resolve("src/main/java"),
          home.resolve("exercises").resolve(id).resolve("src/test/java"),
          descriptor.getParent().resolve("java"),
          jvmOptions,
          calibrate.asBoolean(false),
          packages);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(descriptor + ": " + e.getMessage(), e);
    }
  }

  private static void knownKeys(JsonNode node, Set<String> known, String prefix) {
    if (node.isMissingNode()) {
      return;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("'" + prefix.replace(".", "") + "' must be a mapping");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "unknown key '" + prefix + name + "' (known: " + String.join(", ", known) + ")");
      }
    }
  }

  private static double number(JsonNode section, String prefix, String name, double fallback) {
    JsonNode node = section.get(name);
    if (node == null) {
      return fallback;
    }
    if (!node.isNumber()) {
      throw new IllegalArgumentException(
          "'" + prefix + name + "' must be a number, not '" + node.asText() + "'");
    }
    return node.asDouble();
  }

  private static int whole(JsonNode limits, String name, int fallback) {
    JsonNode node = limits.get(name);
    if (node == null) {
      return fallback;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new IllegalArgumentException(
          "'limits." + name + "' must be a whole number, not '" + node.asText() + "'");
    }
    return node.asInt();
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
