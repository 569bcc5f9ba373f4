package forklab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forklab.api.Seeded;
import forklab.api.speedup.Calibration;
import forklab.protocol.RunnerInput;
import forklab.protocol.RunnerInput.Limits;
import forklab.protocol.RunnerInput.Mode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * What the judges read and where the checks come from cannot be changed by the submission, which
 * runs in the same JVM: each test is an attack that worked before the runner fixed them.
 */
class GraderInputsTest {
  private static final String KEY =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  static RunnerInput input(long seed) {
    return new RunnerInput(
        KEY, Mode.RUN, seed, List.of(), false, false, new Limits(30, 1024), Map.of());
  }

  @AfterEach
  void forgetTheProperties() {
    System.clearProperty("forklab.seed");
    System.clearProperty("forklab.calibration");
  }

  @Test
  void aSeedTheSubmissionSetsAsASystemPropertyDoesNotChooseTheRandomInputs() {
    System.setProperty("forklab.seed", "7"); // what a submission's static initializer would do
    RunnerInput config = input(42);
    SummaryGeneratingListener summary = new SummaryGeneratingListener();

    SandboxRunner.launcher()
        .execute(SandboxRunner.request(config, List.of(SeedProbe.class)), summary);

    assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
    assertThat(SeedProbe.firstDraw)
        .isEqualTo(new Random(42).nextLong())
        .isNotEqualTo(new Random(7).nextLong());
  }

  @Test
  void aSeededCheckThatHitsATodoStillReadsAsNotImplementedYetAndNamesTheSeedToReplay() {
    RunnerInput config = input(42);
    java.util.List<Throwable> failures = new java.util.ArrayList<>();
    SandboxRunner.launcher()
        .execute(
            SandboxRunner.request(config, List.of(TodoProbe.class)),
            new org.junit.platform.launcher.TestExecutionListener() {
              @Override
              public void executionFinished(
                  org.junit.platform.launcher.TestIdentifier node,
                  org.junit.platform.engine.TestExecutionResult result) {
                result.getThrowable().ifPresent(failures::add);
              }
            });

    assertThat(failures).singleElement().isInstanceOf(UnsupportedOperationException.class);
    assertThat(CheckListener.describe(failures.getFirst()))
        .startsWith(
            "not implemented yet: the code still throws UnsupportedOperationException(\"TODO\") (at ")
        .endsWith(
            "  try next: replace that TODO with your implementation"
                + System.lineSeparator()
                + "  random inputs came from seed 42 (replay with ./forklab grade ... --seed 42, or -Dforklab.seed=42"
                + " under Maven)");
  }

  @Test
  void theStartUpCalibrationIsFixedOnceAndNoSystemPropertyChangesIt() {
    Calibration.fixAtStart(Optional.empty());
    System.setProperty("forklab.calibration", "2;0.000001;50.0"); // a submission lowering the bar

    assertThat(Calibration.atStart()).isEmpty();
    assertThatThrownBy(() -> Calibration.fixAtStart(Optional.of(new Calibration(2, 1e-6, 50))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the start-up calibration is fixed once, by the runner");
  }

  @Test
  void aClassOfTheSubmissionNamedLikeAPublicTestNeverStandsInForIt(@TempDir Path work)
      throws Exception {
    Path student = compile(work.resolve("student"), "public String who() { return \"student\"; }");
    Path grader = compile(work.resolve("grader"), "public String who() { return \"grader\"; }");
    byte[] graderBytes = Files.readAllBytes(grader.resolve("forklab/echo/EchoTest.class"));
    try (URLClassLoader classPath = new URLClassLoader(new URL[] {student.toUri().toURL()}, null)) {
      CheckClasses checks =
          new CheckClasses(Map.of("forklab.echo.EchoTest", graderBytes), classPath);

      Class<?> loaded = checks.loadClass("forklab.echo.EchoTest");

      assertThat(loaded.getClassLoader()).isSameAs(checks);
      assertThat(loaded.getMethod("who").invoke(loaded.getConstructor().newInstance()))
          .isEqualTo("grader");
      assertThat(checks.classes()).containsExactly(loaded);
    }
  }

  private static Path compile(Path folder, String body) throws Exception {
    Path source = folder.resolve("src/forklab/echo/EchoTest.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package forklab.echo; public class EchoTest { " + body + " }",
        StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(folder.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
    return classes;
  }
}

/**
 * A check whose first random number tells which seed it was given (top level: the runner selects
 * only those).
 */
@Seeded
class SeedProbe {
  static volatile long firstDraw;

  @org.junit.jupiter.api.Test
  void draw(Random random) {
    firstDraw = random.nextLong();
  }
}

/** A seeded check on a skeleton whose method still throws the TODO. */
@Seeded
class TodoProbe {
  @org.junit.jupiter.api.Test
  void draw(Random random) {
    random.nextInt();
    throw new UnsupportedOperationException("TODO");
  }
}
