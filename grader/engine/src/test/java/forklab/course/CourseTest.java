package forklab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseTest {
  @TempDir Path home;

  @Test
  void loadsEveryDescriptorSortedByIdAndAppliesDefaults() throws IOException {
    descriptor("ex02-second", "id: ex02-second\npackage: forklab.second\n");
    descriptor("ex01-first", "id: ex01-first\ntitle: The first one\npackage: forklab.first\n");

    Course course = Course.load(home);

    assertThat(course.home()).isEqualTo(home);
    assertThat(course.ids()).containsExactly("ex01-first", "ex02-second");
    ExerciseSpec second = course.find("ex02-second").orElseThrow();
    assertThat(second.title()).isEqualTo("ex02-second");
    assertThat(second.packageName()).isEqualTo("forklab.second");
    assertThat(second.packageFolder()).isEqualTo("forklab/second");
    assertThat(second.compilePoints()).isEqualTo(1.0);
    assertThat(second.publicTestPoints()).isEqualTo(1.0);
    assertThat(second.limits()).isEqualTo(Limits.DEFAULTS);
    assertThat(second.sandbox()).isEqualTo(SandboxNeed.OPTIONAL);
    assertThat(second.allowed()).isEmpty();
    assertThat(course.find("ex01-first").orElseThrow().title()).isEqualTo("The first one");
  }

  @Test
  void aCourseHasForklabsGoalsAndTheOnesItsCourseYamlDeclaresBeforeCompile() throws IOException {
    descriptor("ex01-first", "package: forklab.first\n");
    assertThat(Course.load(home).goals()).isEqualTo(Goals.builtIn());

    Files.writeString(
        home.resolve("grader/course.yaml"),
        "goals:\n  - id: fairness\n    description: every worker gets its turn\n");

    Goals goals = Course.load(home).goals();
    assertThat(goals.ids())
        .containsExactly(
            "correctness",
            "concurrency",
            "isolation",
            "speedup",
            "architecture",
            "fairness",
            "compile");
    assertThat(goals.require("fairness").description()).isEqualTo("every worker gets its turn");
    assertThatThrownBy(() -> goals.require("fairnes"))
        .hasMessage(
            "unknown goal 'fairnes'; the goals are correctness, concurrency, isolation, speedup,"
                + " architecture, fairness, compile");
  }

  @Test
  void aCourseYamlWithATypoOrAForklabGoalIsRefusedWithItsPlace() throws IOException {
    descriptor("ex01-first", "package: forklab.first\n");
    Path yaml = home.resolve("grader/course.yaml");

    Files.writeString(yaml, "goals:\n  - id: fairness\n    descripton: turns\n");
    assertThatThrownBy(() -> Course.load(home))
        .hasMessageContaining("course.yaml:3:")
        .hasMessageContaining("descripton")
        .hasMessageContaining("description");

    Files.writeString(yaml, "goals:\n  - id: fairness\n");
    assertThatThrownBy(() -> Course.load(home))
        .hasMessageContaining("needs an id and a description");

    Files.writeString(yaml, "goals:\n  - id: speedup\n    description: again\n");
    assertThatThrownBy(() -> Course.load(home)).hasMessageContaining("one of Forklab's own");

    Files.writeString(yaml, "goals:\n  - id: Fair Ness\n    description: spaces\n");
    assertThatThrownBy(() -> Course.load(home)).hasMessageContaining("a goal's id is");
  }

  @Test
  void pointsEachExerciseAtItsSkeletonPublicTestsHiddenChecksSolutionAndMutants()
      throws IOException {
    descriptor("ex01-first", "package: forklab.first\n");

    Course course = Course.load(home);
    ExerciseSpec spec = course.find("ex01-first").orElseThrow();

    assertThat(spec.id()).isEqualTo("ex01-first");
    assertThat(spec.skeleton()).isEqualTo(home.resolve("exercises/ex01-first/src/main/java"));
    assertThat(spec.publicTests()).isEqualTo(home.resolve("exercises/ex01-first/src/test/java"));
    assertThat(spec.hiddenChecks()).isEqualTo(home.resolve("grader/checks/ex01-first/java"));
    assertThat(course.solution(spec)).isEqualTo(home.resolve("solutions/ex01-first/src/main/java"));
    assertThat(course.mutants(spec)).isEqualTo(home.resolve("solutions/ex01-first/mutants"));
  }

  @Test
  void readsEveryKeyOfAFullDescriptor() throws IOException {
    descriptor(
        "ex03-parallel-primes",
        """
        id: ex03-parallel-primes
        title: Speedup with threads
        package: forklab.primes          # a comment
        points:
          compile: 2
          public-test: 0.5
        limits:
          time-limit-seconds: 240
          test-timeout-seconds: 90
          heap-mb: 512
          output-kib: 32
          memory-mb: 2048
          pids: 64
          cpus: 4
        sandbox: required
        allow: [system-exit, stack-walking]
        """);

    ExerciseSpec spec = Course.load(home).find("ex03-parallel-primes").orElseThrow();

    assertThat(spec.title()).isEqualTo("Speedup with threads");
    assertThat(spec.packageName()).isEqualTo("forklab.primes");
    assertThat(spec.compilePoints()).isEqualTo(2.0);
    assertThat(spec.publicTestPoints()).isEqualTo(0.5);
    assertThat(spec.limits()).isEqualTo(new Limits(240, 90, 512, 32, 2048, 64, 4));
    assertThat(spec.sandbox()).isEqualTo(SandboxNeed.REQUIRED);
    assertThat(spec.allowed())
        .containsExactlyInAnyOrder(ForbiddenApi.SYSTEM_EXIT, ForbiddenApi.STACK_WALKING);
    assertThat(spec.allows(ForbiddenApi.SYSTEM_EXIT)).isTrue();
    assertThat(spec.allows(ForbiddenApi.REFLECTION)).isFalse();
  }

  @Test
  void readsAnAllowListWrittenAsABlockSequence() throws IOException {
    descriptor("ex01-first", "package: forklab.first\nallow:\n  - reflection\n  - native\n");

    assertThat(Course.load(home).exercises().getFirst().allowed())
        .containsExactlyInAnyOrder(ForbiddenApi.REFLECTION, ForbiddenApi.NATIVE);
  }

  @Test
  void keepsDefaultsForLimitsTheDescriptorDoesNotName() throws IOException {
    descriptor("ex01-first", "package: forklab.first\nlimits:\n  time-limit-seconds: 30\n");

    assertThat(Course.load(home).exercises().getFirst().limits())
        .isEqualTo(new Limits(30, 60, 256, 64, 1024, 256, 2));
  }

  @Test
  void skipsFoldersWithoutADescriptor() throws IOException {
    descriptor("ex01-first", "package: forklab.first\n");
    Files.createDirectories(home.resolve("grader/checks/ex02-draft/java"));
    Files.writeString(home.resolve("grader/checks/README.md"), "notes");

    assertThat(Course.load(home).ids()).containsExactly("ex01-first");
  }

  @Test
  void findsNothingForAnUnknownId() throws IOException {
    descriptor("ex01-first", "package: forklab.first\n");

    assertThat(Course.load(home).find("ex09-nine")).isEmpty();
  }

  @Test
  void refusesAHomeWithoutGraderChecks() {
    Path checks = home.resolve("grader/checks");

    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no exercises found: " + checks + " does not exist (is " + home + " a Forklab home?)");
  }

  @Test
  void refusesAnUnknownKeyNamingTheKeyAndTheFile() throws IOException {
    Path file = descriptor("ex01-first", "id: ex01-first\npackage: forklab.first\npoint: 3\n");

    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file
                + ":3:1: unknown key 'point' (known: allow, calibrate, id, jvm-options, libraries, limits, package,"
                + " packages, points, sandbox, title)");
  }

  @Test
  void refusesAnUnknownNestedKeyAndAValueOfTheWrongType() throws IOException {
    Path file =
        descriptor(
            "ex01-first", "id: ex01-first\npackage: forklab.first\nlimits:\n  time-limit: 10\n");
    assertThatThrownBy(() -> Course.load(home))
        .hasMessage(
            file
                + ":4:3: unknown key 'limits.time-limit' (known: cpus, heap-mb, memory-mb,"
                + " output-kib, pids, test-timeout-seconds, time-limit-seconds)");

    descriptor("ex01-first", "id: ex01-first\npackage: forklab.first\nlimits:\n  heap-mb: lots\n");
    assertThatThrownBy(() -> Course.load(home))
        .hasMessage(file + ":4:3: 'limits.heap-mb' must be a whole number, not 'lots'");

    descriptor("ex01-first", "id: ex01-first\npackage: forklab.first\npoints:\n  compile: two\n");
    assertThatThrownBy(() -> Course.load(home))
        .hasMessage(file + ":4:3: 'points.compile' must be a number, not 'two'");

    descriptor("ex01-first", "id: ex01-first\npackage: forklab.first\nsandbox: maybe\n");
    assertThatThrownBy(() -> Course.load(home))
        .hasMessage(file + ":3:1: 'sandbox' must be optional or required, not 'maybe'");

    descriptor("ex01-first", "id: ex01-first\npackage: forklab.first\ncalibrate: sometimes\n");
    assertThatThrownBy(() -> Course.load(home))
        .hasMessage(file + ":3:1: 'calibrate' must be true or false, not 'sometimes'");

    descriptor(
        "ex01-first", "id: ex01-first\npackage: forklab.first\nlimits:\n  heap-mb: \"256\"\n");
    assertThatThrownBy(() -> Course.load(home))
        .hasMessageStartingWith(file + ":4:3: 'limits.heap-mb' must be a whole number");

    descriptor("ex01-first", "id: ex01-first\npackage: forklab.first\nallow: system-exit\n");
    assertThatThrownBy(() -> Course.load(home))
        .hasMessageStartingWith(file + ":3:1: 'allow' must be a list");
  }

  @Test
  void refusesAnIdThatDiffersFromItsFolderName() throws IOException {
    Path file = descriptor("ex01-first", "id: ex02-second\npackage: forklab.first\n");

    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": id 'ex02-second' differs from its folder name");
  }

  @Test
  void refusesAFolderNameThatIsNotAnExerciseId() throws IOException {
    Path file = descriptor("Ex1_First", "package: forklab.first\n");

    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": exercise id 'Ex1_First' is not of the form exNN-name");
  }

  @Test
  void readsTheCheckLibrariesAndRefusesANameThatIsNotOne() throws IOException {
    descriptor("ex04-buffer", "package: forklab.buffer\nlibraries: [lincheck]\n");
    assertThat(Course.load(home).find("ex04-buffer").orElseThrow().libraries())
        .containsExactly("lincheck");
    assertThat(Course.load(home).find("ex04-buffer").orElseThrow().jvmOptions()).isEmpty();

    Path file = descriptor("ex04-buffer", "package: forklab.buffer\nlibraries: [../lib]\n");
    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file + ": ex04-buffer: libraries takes library names such as lincheck, not '../lib'");
  }

  @Test
  void readsTheExtraJdkPackagesIncludingAJdkServerPackageUnderComSun() throws IOException {
    descriptor(
        "ex08-web-server",
        "package: forklab.server\npackages: [com.sun.net.httpserver, java.net]\n");

    assertThat(Course.load(home).find("ex08-web-server").orElseThrow().packages())
        .containsExactlyInAnyOrder("com.sun.net.httpserver", "java.net");
  }

  @Test
  void refusesToAllowForeignPackage() throws IOException {
    Path file = descriptor("ex01-first", "package: forklab.first\nallow: [foreign-package]\n");

    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file + ": ex01-first cannot allow foreign-package: classes must stay in forklab.first");
  }

  @Test
  void refusesAnUnknownAllowRule() throws IOException {
    Path file = descriptor("ex01-first", "package: forklab.first\nallow: [teleport]\n");

    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": unknown forbidden-API rule 'teleport'");
  }

  @Test
  void refusesAPackageNameThatIsNotOne() throws IOException {
    Path file = descriptor("ex01-first", "package: Forklab.First\n");

    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": package 'Forklab.First' of ex01-first is not a package name");
  }

  @Test
  void refusesPackageNamesWithEmptyOrLeadingDigitParts() {
    for (String bad :
        new String[] {
          "forklab..first", "forklab.", "1forklab", "forklab.2nd", "forklab-first", ""
        }) {
      assertThatThrownBy(() -> spec("ex01-first", bad, Set.of()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("package '" + bad + "' of ex01-first is not a package name");
    }
  }

  @Test
  void refusesADescriptorWithoutPackage() throws IOException {
    Path file = descriptor("ex01-first", "id: ex01-first\ntitle: First\n");

    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": missing 'package'");
  }

  @Test
  void refusesAnEmptyDescriptor() throws IOException {
    Path file = descriptor("ex01-first", "");

    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": is empty or not a mapping");
  }

  @Test
  void refusesADescriptorThatIsAListNotAMapping() throws IOException {
    Path file = descriptor("ex01-first", "- id: ex01-first\n");

    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": is empty or not a mapping");
  }

  @Test
  void refusesLimitsThatLeaveTooLittleMemoryBesideTheHeapNamingTheFile() throws IOException {
    Path file = descriptor("ex01-first", "package: forklab.first\nlimits:\n  heap-mb: 1000\n");

    assertThatThrownBy(() -> Course.load(home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file
                + ": memory-mb 1024 leaves too little room beside heap-mb 1000 (needs heap + 128)");
  }

  @Test
  void limitsRejectMemoryBelowHeapPlus128() {
    assertThatThrownBy(() -> new Limits(10, 10, 256, 64, 383, 16, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memory-mb 383 leaves too little room beside heap-mb 256 (needs heap + 128)");
    assertThat(new Limits(10, 10, 256, 64, 384, 16, 1).memoryMb()).isEqualTo(384);
  }

  @Test
  void limitsRejectZeroOrNegativeValuesByName() {
    assertThatThrownBy(() -> new Limits(0, 10, 64, 64, 256, 16, 1))
        .hasMessage("time-limit-seconds must be positive, not 0");
    assertThatThrownBy(() -> new Limits(10, -1, 64, 64, 256, 16, 1))
        .hasMessage("test-timeout-seconds must be positive, not -1");
    assertThatThrownBy(() -> new Limits(10, 10, 0, 64, 256, 16, 1))
        .hasMessage("heap-mb must be positive, not 0");
    assertThatThrownBy(() -> new Limits(10, 10, 64, 0, 256, 16, 1))
        .hasMessage("output-kib must be positive, not 0");
    assertThatThrownBy(() -> new Limits(10, 10, 64, 64, 0, 16, 1))
        .hasMessage("memory-mb must be positive, not 0");
    assertThatThrownBy(() -> new Limits(10, 10, 64, 64, 256, 0, 1))
        .hasMessage("pids must be positive, not 0");
    assertThatThrownBy(() -> new Limits(10, 10, 64, 64, 256, 16, 0))
        .hasMessage("cpus must be positive, not 0");
  }

  @Test
  void theDefaultLimitsAreValid() {
    assertThat(Limits.DEFAULTS).isEqualTo(new Limits(180, 60, 256, 64, 1024, 256, 2));
  }

  @Test
  void forbiddenApiRulesHaveKebabCaseIdsAndAreFoundByThem() {
    assertThat(ForbiddenApi.SYSTEM_EXIT.id()).isEqualTo("system-exit");
    assertThat(ForbiddenApi.FOREIGN_PACKAGE.id()).isEqualTo("foreign-package");
    for (ForbiddenApi rule : ForbiddenApi.values()) {
      assertThat(ForbiddenApi.fromId(rule.id())).isEqualTo(rule);
      assertThat(ForbiddenApi.fromId(" " + rule.id() + " ")).isEqualTo(rule);
    }
    assertThatThrownBy(() -> ForbiddenApi.fromId("SYSTEM_EXIT"))
        .hasMessage("unknown forbidden-API rule 'SYSTEM_EXIT'");
  }

  @Test
  void anExerciseSpecCopiesItsAllowList() {
    Set<ForbiddenApi> allowed = EnumSet.of(ForbiddenApi.NATIVE);
    ExerciseSpec spec = spec("ex01-first", "forklab.first", allowed);

    allowed.add(ForbiddenApi.REFLECTION);

    assertThat(spec.allowed()).containsExactly(ForbiddenApi.NATIVE);
  }

  private Path descriptor(String folder, String yaml) throws IOException {
    Path file = home.resolve("grader/checks").resolve(folder).resolve("exercise.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  private static ExerciseSpec spec(String id, String packageName, Set<ForbiddenApi> allowed) {
    Path none = Path.of("none");
    return new ExerciseSpec(
        id,
        id,
        packageName,
        1,
        1,
        Limits.DEFAULTS,
        SandboxNeed.OPTIONAL,
        allowed,
        none,
        none,
        none);
  }
}
