package forklab.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The exercises under a Forklab home: one per {@code grader/checks/<id>/exercise.yaml}, with its
 * skeleton and public tests under {@code exercises/<id>} and reference under {@code
 * solutions/<id>}, and the goal kinds of {@code grader/course.yaml} beside Forklab's own.
 */
public record Course(Path home, List<ExerciseSpec> exercises, Goals goals) {
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .build();

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
    return new Course(home, specs, goals(home.resolve("grader/course.yaml")));
  }

  /** Forklab's goals and those {@code descriptor} declares, if it exists. */
  static Goals goals(Path descriptor) {
    if (!Files.exists(descriptor)) {
      return Goals.builtIn();
    }
    try {
      CourseDescriptor file = YAML.readValue(descriptor.toFile(), CourseDescriptor.class);
      List<GoalKind> declared = new ArrayList<>();
      for (CourseDescriptor.GoalDeclaration goal :
          Descriptor.or(file.goals(), List.<CourseDescriptor.GoalDeclaration>of())) {
        if (goal.id() == null || goal.description() == null) {
          throw new IllegalArgumentException(
              "each goal needs an id and a description, as in '- id: fairness' and"
                  + " 'description: every worker gets its turn'");
        }
        if (Goals.builtIn().find(goal.id()).isPresent()) {
          throw new IllegalArgumentException(
              "goal '" + goal.id() + "' is one of Forklab's own; declare only new ones");
        }
        declared.add(new GoalKind(goal.id(), goal.description(), 0));
      }
      return Goals.withCourse(declared);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(DescriptorErrors.describe(descriptor, e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + descriptor, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(descriptor + ": " + e.getMessage(), e);
    }
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
    String folder = descriptor.getParent().getFileName().toString();
    try {
      JsonNode root = YAML.readTree(descriptor.toFile());
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("is empty or not a mapping");
      }
      Descriptor file = YAML.readValue(descriptor.toFile(), Descriptor.class);
      String id = Descriptor.or(file.id(), folder);
      if (!id.equals(folder)) {
        throw new IllegalArgumentException("id '" + id + "' differs from its folder name");
      }
      Descriptor.Points points = Descriptor.or(file.points(), new Descriptor.Points(null, null));
      Descriptor.LimitKeys limits =
          Descriptor.or(
              file.limits(), new Descriptor.LimitKeys(null, null, null, null, null, null, null));
      Set<ForbiddenApi> allowed = EnumSet.noneOf(ForbiddenApi.class);
      for (String rule : Descriptor.or(file.allow(), List.<String>of())) {
        allowed.add(ForbiddenApi.fromId(rule));
      }
      Set<String> packages = new TreeSet<>();
      for (String name : Descriptor.or(file.packages(), List.<String>of())) {
        packages.add(name.trim());
      }
      return new ExerciseSpec(
          id,
          Descriptor.or(file.title(), id),
          file.packageName(),
          Descriptor.or(points.compile(), 1.0),
          Descriptor.or(points.publicTest(), 1.0),
          limits.over(Limits.DEFAULTS),
          Descriptor.or(file.sandbox(), SandboxNeed.OPTIONAL),
          allowed,
          home.resolve("exercises").resolve(id).resolve("src/main/java"),
          home.resolve("exercises").resolve(id).resolve("src/test/java"),
          descriptor.getParent().resolve("java"),
          Descriptor.or(file.jvmOptions(), List.<String>of()),
          Descriptor.or(file.calibrate(), false),
          packages,
          Descriptor.or(file.libraries(), List.<String>of()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(DescriptorErrors.describe(descriptor, e), e);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(descriptor + ": " + e.getMessage(), e);
    }
  }
}
