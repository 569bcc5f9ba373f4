package forklab.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The public tests of ex06-supervisor, with the given {@link Examples}. Each one that passes earns
 * a point; the hidden checks then judge the same goals with tasks that do far worse (floods, heap
 * exhaustion, deadlocks, detached grandchildren), and parallelism and architecture too.
 */
class SupervisorTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DisplayName("a task that returns is OK with its return value as output and exit code 0")
  void returns() {
    List<Outcome> outcomes =
        new Supervisor(TIMEOUT, 64).runAll(List.of(Examples.Upper.class), "hello, child");

    assertThat(outcomes).hasSize(1);
    Outcome outcome = outcomes.get(0);
    assertThat(outcome.task()).isEqualTo(Examples.Upper.class.getName());
    assertThat(outcome.status()).isEqualTo(Status.OK);
    assertThat(outcome.output()).isEqualTo("HELLO, CHILD");
    assertThat(outcome.exitCode()).isZero();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DisplayName("a task that throws is FAILED with the exception's toString(), in task order")
  void throwsIsFailed() {
    List<Outcome> outcomes =
        new Supervisor(TIMEOUT, 64)
            .runAll(List.of(Examples.Fails.class, Examples.Upper.class), "abc");

    assertThat(outcomes).extracting(Outcome::status).containsExactly(Status.FAILED, Status.OK);
    assertThat(outcomes.get(0).output())
        .isEqualTo("java.lang.IllegalStateException: cannot handle abc");
    assertThat(outcomes.get(0).exitCode()).isZero();
    assertThat(outcomes.get(1).output()).isEqualTo("ABC");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DisplayName("a task that never ends is TIMED_OUT, killed (exit code -1) within timeout + 1 s")
  void timesOut() {
    long start = System.nanoTime();
    List<Outcome> outcomes =
        new Supervisor(TIMEOUT, 64).runAll(List.of(Examples.SleepsForever.class), "");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0).status()).isEqualTo(Status.TIMED_OUT);
    assertThat(outcomes.get(0).exitCode()).isEqualTo(-1);
    assertThat(millis).isLessThan(TIMEOUT.toMillis() + 1_000);
  }

  /**
   * The lesson in one test: {@code System.exit(42)} in a task run by the supervisor is one CRASHED
   * outcome; the same task in a thread ({@link InThreadRunner}) ends the whole JVM it runs in. That
   * JVM is a child of this test's, so that the test survives to see it.
   */
  @Test
  @Tag("isolation")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  @DisplayName(
      "System.exit in a task is CRASHED under the supervisor, but ends the whole JVM in a thread")
  void exitIsContainedOnlyInAProcess() throws Exception {
    List<Outcome> outcomes =
        new Supervisor(TIMEOUT, 64).runAll(List.of(Examples.Exits.class), "bye");
    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0).status()).isEqualTo(Status.CRASHED);
    assertThat(outcomes.get(0).exitCode()).isEqualTo(42);

    Process jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                InThreadRunner.class.getName(),
                Examples.Exits.class.getName())
            .redirectErrorStream(true)
            .start();
    String printed = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(jvm.exitValue()).as("the exit code of the JVM that ran Exits in a thread").isEqualTo(42);
    assertThat(printed).contains("calling System.exit(42)").doesNotContain("this JVM survived");
  }
}
