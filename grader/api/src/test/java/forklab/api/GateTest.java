package forklab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A declared gate runs once per class and keeps wrong code from being measured. */
class GateTest {
  static final AtomicInteger ASKED = new AtomicInteger();
  static final AtomicInteger MEASURED = new AtomicInteger();

  static final class Works implements Gate {
    @Override
    public String method() {
      return "countParallel";
    }

    @Override
    public void check() {
      ASKED.incrementAndGet();
    }
  }

  static final class Wrong implements Gate {
    @Override
    public String method() {
      return "countParallel";
    }

    @Override
    public void check() {
      ASKED.incrementAndGet();
      throw new AssertionError("countParallel(0, 1000, 2) = 170 instead of 168");
    }
  }

  static final class Todo implements Gate {
    @Override
    public String method() {
      return "inThreads";
    }

    @Override
    public void check() {
      throw new UnsupportedOperationException("TODO");
    }
  }

  @Checks
  @Gated(Works.class)
  static class Passing {
    @Test
    @Check(goal = Goal.SPEEDUP, points = 4, name = "speedup")
    void speedup() {
      MEASURED.incrementAndGet();
    }

    @Test
    @Check(goal = Goal.SPEEDUP, points = 3, name = "load balance")
    void balance() {
      MEASURED.incrementAndGet();
    }
  }

  @Checks
  static class Failing {
    @Test
    @Check(goal = Goal.SPEEDUP, points = 4, name = "speedup")
    @Gated(Wrong.class)
    void speedup() {
      MEASURED.incrementAndGet();
    }

    @Test
    @Check(goal = Goal.ARCHITECTURE, points = 1, name = "no parallel streams")
    @Gated(Wrong.class)
    void architecture() {
      MEASURED.incrementAndGet();
    }

    @Test
    @Check(goal = Goal.CORRECTNESS, points = 1, name = "not gated")
    void correctness() {
      MEASURED.incrementAndGet();
    }
  }

  @Checks
  @Gated(Todo.class)
  static class NotImplemented {
    @Test
    @Check(goal = Goal.CONCURRENCY, points = 2, name = "overlap")
    void overlap(Random random) {
      MEASURED.incrementAndGet();
    }
  }

  @BeforeEach
  void reset() {
    ASKED.set(0);
    MEASURED.set(0);
  }

  @Test
  void aPassingGateRunsOncePerClassAndLetsEveryCheckRun() {
    EngineExecutionResults results = Fixtures.run(Passing.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(ASKED).hasValue(1);
    assertThat(MEASURED).hasValue(2);
  }

  @Test
  void aFailingGateFailsEveryGatedCheckWithoutRunningItAndSaysWhy() {
    EngineExecutionResults results = Fixtures.run(Failing.class);

    results.testEvents().assertStatistics(stats -> stats.started(3).failed(2).succeeded(1));
    assertThat(ASKED).hasValue(1);
    assertThat(MEASURED).hasValue(1);
    assertThat(Fixtures.failures(results))
        .allSatisfy(
            thrown ->
                assertThat(thrown)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith(
                        "not measured: countParallel must first give the right answer:"
                            + " countParallel(0, 1000, 2) = 170 instead of 168"
                            + System.lineSeparator()
                            + "  try next: make the correctness checks pass first"));
  }

  @Test
  void aGateOnCodeThatIsNotWrittenYetSaysSo() {
    EngineExecutionResults results = Fixtures.run(NotImplemented.class);

    assertThat(Fixtures.failures(results))
        .singleElement()
        .satisfies(
            thrown ->
                assertThat(thrown)
                    .hasMessageStartingWith(
                        "not measured: inThreads must first give the right answer: it is not"
                            + " implemented yet")
                    .satisfies(
                        notMeasured ->
                            assertThat(notMeasured.getSuppressed())
                                .as("no seed to replay: the gate drew none")
                                .isEmpty()));
    assertThat(MEASURED).hasValue(0);
  }
}
