package forklab.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import forklab.api.Goal;
import forklab.build.CompileResult;
import forklab.build.JavaCompilation;
import forklab.build.SourceProblem;
import forklab.course.ExerciseSpec;
import forklab.course.GoalKind;
import forklab.course.Goals;
import forklab.files.FileTrees;
import forklab.protocol.RunnerEvent.Crash;
import forklab.protocol.RunnerEvent.Plan;
import forklab.protocol.RunnerInput.Mode;
import forklab.run.CheckRun;
import forklab.run.RunOutcome;
import forklab.run.RunnerLibrary;
import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds and caches each exercise's {@link CheckSuite}. The cache key is a hash of the skeleton,
 * the public tests, the hidden checks and the runner's libraries, so editing any of them rebuilds.
 */
public final class CheckSuites {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunnerLibrary runner;
  private final Path cacheRoot;
  private final Sandbox trustedSandbox;
  private final Goals goals;
  private final JavaCompilation javac = new JavaCompilation();
  private final Map<String, CheckSuite> built = new ConcurrentHashMap<>();

  /**
   * @param trustedSandbox runs the plan step, which loads only the course's own code
   */
  public CheckSuites(RunnerLibrary runner, Path cacheRoot, Sandbox trustedSandbox, Goals goals) {
    this.runner = runner;
    this.goals = goals;
    this.cacheRoot = cacheRoot;
    this.trustedSandbox = trustedSandbox;
  }

  public CheckSuite suite(ExerciseSpec exercise)
      throws CourseBuildException, SandboxException, InterruptedException {
    CheckSuite suite = built.get(exercise.id());
    if (suite == null) {
      synchronized (this) {
        suite = built.get(exercise.id());
        if (suite == null) {
          try {
            suite = load(exercise);
          } catch (IOException e) {
            throw new CourseBuildException(
                "cannot build the checks of " + exercise.id() + ": " + e);
          }
          built.put(exercise.id(), suite);
        }
      }
    }
    return suite;
  }

  private CheckSuite load(ExerciseSpec exercise)
      throws IOException, CourseBuildException, SandboxException, InterruptedException {
    RunnerLibrary checkJvm = checkJvm(exercise);
    Path dir = cacheRoot.resolve(exercise.id() + "-" + fingerprint(exercise, checkJvm));
    Path plan = dir.resolve("plan.json");
    if (!Files.isRegularFile(plan)) {
      Path staging = cacheRoot.resolve(dir.getFileName() + ".tmp-" + UUID.randomUUID());
      build(exercise, checkJvm, staging);
      try {
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException
          | AtomicMoveNotSupportedException
          | DirectoryNotEmptyException raced) {
        FileTrees.deleteQuietly(staging);
      }
    }
    List<PlannedCheck> checks =
        JSON.readValue(plan.toFile(), new TypeReference<List<PlannedCheck>>() {});
    return new CheckSuite(exercise, dir.resolve("public"), dir.resolve("hidden"), checks);
  }

  private void build(ExerciseSpec exercise, RunnerLibrary checkJvm, Path staging)
      throws IOException, CourseBuildException, SandboxException, InterruptedException {
    Path skeleton = compile(exercise, "skeleton", exercise.skeleton(), List.of(), staging);
    List<Path> underTest = new ArrayList<>();
    if (!javaFiles(exercise.fixtures()).isEmpty()) {
      underTest.add(compile(exercise, "fixtures", exercise.fixtures(), List.of(skeleton), staging));
    }
    underTest.add(skeleton);
    List<Path> testClasspath = new ArrayList<>(checkJvm.classpath());
    testClasspath.addAll(underTest);
    Path publicTests = compile(exercise, "public", exercise.publicTests(), testClasspath, staging);
    Path hidden = compile(exercise, "hidden", exercise.hiddenChecks(), testClasspath, staging);
    RunOutcome outcome =
        new CheckRun(runner)
            .run(
                trustedSandbox,
                new CheckRun.Request(
                    exercise.id() + "-plan",
                    Mode.PLAN,
                    List.of(publicTests, hidden),
                    underTest,
                    0,
                    exercise.limits(),
                    List.of(),
                    List.of(),
                    false,
                    exercise.libraries()));
    Optional<Plan> planned = outcome.plan();
    if (planned.isEmpty()) {
      throw new CourseBuildException(
          "listing the checks of "
              + exercise.id()
              + " failed: "
              + outcome
                  .crash()
                  .map(Crash::message)
                  .orElse("exit code " + outcome.execution().exitCode())
              + "\n"
              + outcome.execution().stderr());
    }
    List<PlannedCheck> checks = plan(exercise, planned.get(), publicTests);
    JSON.writeValue(staging.resolve("plan.json").toFile(), checks);
  }

  private List<PlannedCheck> plan(ExerciseSpec exercise, Plan planned, Path publicTests)
      throws CourseBuildException {
    List<PlannedCheck> publicChecks = new ArrayList<>();
    List<PlannedCheck> hiddenChecks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Plan.Check check : planned.checks()) {
      String id = check.id();
      String className = check.className();
      boolean hidden =
          !Files.isRegularFile(publicTests.resolve(className.replace('.', '/') + ".class"));
      String name = check.displayName();
      if (!names.add(name)) {
        name = name + " (" + className.substring(className.lastIndexOf('.') + 1) + ")";
        names.add(name);
      }
      if (hidden) {
        String where = "hidden check " + id + " of " + exercise.id();
        Plan.Grading grading =
            check
                .graded()
                .orElseThrow(
                    () ->
                        new CourseBuildException(
                            where + " has no @Check(goal, points, name), @CourseCheck or @Graded"));
        GoalKind goal =
            goals
                .find(grading.goal())
                .orElseThrow(
                    () ->
                        new CourseBuildException(
                            where
                                + " judges goal '"
                                + grading.goal()
                                + "', which is neither Forklab's nor declared in"
                                + " grader/course.yaml; the goals are "
                                + String.join(", ", goals.ids())));
        hiddenChecks.add(new PlannedCheck(id, name, goal, grading.points(), true));
      } else {
        GoalKind goal = GoalKind.of(Goal.CORRECTNESS);
        for (String tag : check.tags()) {
          goal = goals.find(tag).orElse(goal);
        }
        publicChecks.add(new PlannedCheck(id, name, goal, exercise.publicTestPoints(), false));
      }
    }
    List<PlannedCheck> all = new ArrayList<>(publicChecks);
    all.addAll(hiddenChecks);
    return all;
  }

  private Path compile(
      ExerciseSpec exercise, String part, Path sources, List<Path> classpath, Path staging)
      throws IOException, CourseBuildException, InterruptedException {
    List<Path> files = javaFiles(sources);
    Path out = staging.resolve(part);
    CompileResult result = javac.compile(files, sources, classpath, out);
    if (!result.succeeded()) {
      throw new CourseBuildException(
          "the "
              + part
              + " sources of "
              + exercise.id()
              + " do not compile:\n"
              + result.errors().stream()
                  .map(SourceProblem::describe)
                  .collect(Collectors.joining("\n")));
    }
    return out;
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(path -> path.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The runner of {@code exercise}'s check JVM: with the check libraries it asks for. */
  private RunnerLibrary checkJvm(ExerciseSpec exercise) throws CourseBuildException {
    try {
      return runner.withLibraries(exercise.libraries());
    } catch (IllegalArgumentException e) {
      throw new CourseBuildException(exercise.id() + ": " + e.getMessage());
    }
  }

  private String fingerprint(ExerciseSpec exercise, RunnerLibrary checkJvm) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path entry :
          Stream.of(checkJvm.classpath(), checkJvm.trustedModules(), checkJvm.agents())
              .flatMap(List::stream)
              .toList()) {
        digest.update(
            (entry.getFileName() + ";" + (Files.isRegularFile(entry) ? Files.size(entry) : 0))
                .getBytes());
      }
      for (Path root :
          List.of(
              exercise.skeleton(),
              exercise.publicTests(),
              exercise.hiddenChecks(),
              exercise.fixtures())) {
        for (Path file : javaFiles(root)) {
          digest.update(root.relativize(file).toString().getBytes());
          digest.update(Files.readAllBytes(file));
        }
      }
      digest.update(exercise.toString().getBytes());
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
