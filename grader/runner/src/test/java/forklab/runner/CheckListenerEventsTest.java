package forklab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import forklab.protocol.RunnerEvent;
import forklab.protocol.RunnerEvent.CheckFinished;
import forklab.protocol.RunnerEvent.CheckStarted;
import forklab.protocol.RunnerEvent.Status;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The typed events the listener emits for small fixture checks run in-process through the same
 * launcher and request the runner uses.
 */
class CheckListenerEventsTest {

  private static List<RunnerEvent> run(Class<?> fixture) {
    List<RunnerEvent> events = new ArrayList<>();
    OutputCapture output = new OutputCapture(1024);
    PrintStream realOut = System.out;
    System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
    try {
      SandboxRunner.launcher()
          .execute(
              SandboxRunner.request(GraderInputsTest.input(42), List.of(fixture)),
              new CheckListener(events::add, output));
    } finally {
      System.setOut(realOut);
    }
    return events;
  }

  private static CheckFinished finished(List<RunnerEvent> events, String method) {
    return events.stream()
        .filter(CheckFinished.class::isInstance)
        .map(CheckFinished.class::cast)
        .filter(event -> event.id().endsWith("#" + method))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aPassingCheckStartsThenFinishesWithItsEntriesAndOutput() {
    List<RunnerEvent> events = run(PassingFixture.class);

    String id = PassingFixture.class.getName() + "#measures";
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isEqualTo(new CheckStarted(id));
    CheckFinished finished = (CheckFinished) events.get(1);
    assertThat(finished.id()).isEqualTo(id);
    assertThat(finished.status()).isEqualTo(Status.SUCCESSFUL);
    assertThat(finished.message()).isEmpty();
    assertThat(finished.entries())
        .containsExactlyEntriesOf(Map.of("forklab.speedup", "3.5"))
        .hasSize(1);
    assertThat(finished.output()).isEqualTo("working\n");
  }

  @Test
  void aFailureKeepsItsMessageAndAnAssumptionOrDisabledCheckIsAborted() {
    List<RunnerEvent> events = run(MixedFixture.class);

    CheckFinished failed = finished(events, "fails");
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.message()).isEqualTo("expected 4 workers but saw 3");
    CheckFinished assumed = finished(events, "needsDocker");
    assertThat(assumed.status()).isEqualTo(Status.ABORTED);
    assertThat(assumed.message()).contains("no docker here");
    CheckFinished disabled = finished(events, "notYet");
    assertThat(disabled.status()).isEqualTo(Status.ABORTED);
    assertThat(disabled.message()).isEqualTo("skipped: later");
    assertThat(events).doesNotContain(new CheckStarted(MixedFixture.class.getName() + "#notYet"));
  }

  @Test
  void aParameterizedCheckIsOneResultThatFailsWhenAnyInvocationFails() {
    List<RunnerEvent> events = run(ParameterizedFixture.class);

    assertThat(events).hasSize(2);
    CheckFinished finished = finished(events, "positive");
    assertThat(finished.status()).isEqualTo(Status.FAILED);
    assertThat(finished.message()).isEqualTo("-2 is not positive");
  }

  @Test
  void aClassThatCannotStartFailsEachOfItsChecksWithTheReason() {
    List<RunnerEvent> events = run(BrokenSetupFixture.class);

    assertThat(events)
        .hasSize(2)
        .allSatisfy(
            event -> {
              CheckFinished finished = (CheckFinished) event;
              assertThat(finished.status()).isEqualTo(Status.FAILED);
              assertThat(finished.message())
                  .startsWith("your code threw java.lang.IllegalStateException: no pool");
            });
  }
}

class PassingFixture {
  @Test
  void measures(TestReporter reporter) {
    System.out.println("working");
    reporter.publishEntry("forklab.speedup", "3.5");
  }
}

class MixedFixture {
  @Test
  void fails() {
    throw new AssertionError("expected 4 workers but saw 3");
  }

  @Test
  void needsDocker() {
    Assumptions.assumeTrue(false, "no docker here");
  }

  @Test
  @Disabled("later")
  void notYet() {}
}

class ParameterizedFixture {
  @ParameterizedTest
  @ValueSource(ints = {1, -2, 3})
  void positive(int value) {
    if (value <= 0) {
      throw new AssertionError(value + " is not positive");
    }
  }
}

class BrokenSetupFixture {
  @BeforeAll
  static void startPool() {
    throw new IllegalStateException("no pool");
  }

  @Test
  void first() {}

  @Test
  void second() {}
}
