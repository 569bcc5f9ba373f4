package forklab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A failing seeded check keeps its own words, and names the seed to replay it with. */
class SeedExtensionTest {
  @Checks
  static class Failing {
    @Test
    @Check(goal = Goal.CORRECTNESS, points = 1, name = "a seeded check")
    void seeded(Random random) {
      throw new IllegalStateException("worker " + random.nextInt(10) + " failed on purpose");
    }

    @Test
    @Check(goal = Goal.CORRECTNESS, points = 1, name = "an unseeded check")
    void unseeded() {
      throw new UnsupportedOperationException("TODO");
    }
  }

  @Seeded
  static class Legacy {
    @Test
    @Graded(goal = Goal.CORRECTNESS, points = 1)
    void seeded(Random random) {
      Feedback.of("the answer was wrong").measured(String.valueOf(random.nextInt(5))).fail();
    }
  }

  @Test
  void theFailureKeepsItsTypeAndWordsAndTheSeedComesAsAReplayNote() {
    var failures = Fixtures.failures(Fixtures.run(Failing.class));

    assertThat(failures).hasSize(2);
    Throwable seeded =
        failures.stream().filter(IllegalStateException.class::isInstance).findFirst().orElseThrow();
    assertThat(seeded)
        .hasMessage("worker " + new Random(42).nextInt(10) + " failed on purpose")
        .hasNoCause();
    assertThat(seeded.getSuppressed())
        .singleElement()
        .isInstanceOf(ReplayNote.class)
        .satisfies(
            note ->
                assertThat(note.getMessage())
                    .isEqualTo(
                        "random inputs came from seed 42 (replay with ./forklab grade ..."
                            + " --seed 42, or -Dforklab.seed=42 under Maven)"));
    Throwable unseeded =
        failures.stream()
            .filter(UnsupportedOperationException.class::isInstance)
            .findFirst()
            .orElseThrow();
    assertThat(unseeded).hasMessage("TODO");
    assertThat(unseeded.getSuppressed()).isEmpty();
  }

  @Test
  void seededStillWorksForGradedChecks() {
    var failures = Fixtures.failures(Fixtures.run(Legacy.class));

    assertThat(failures)
        .singleElement()
        .satisfies(
            thrown -> {
              assertThat(thrown).isInstanceOf(AssertionError.class);
              assertThat(thrown.getMessage())
                  .isEqualTo(
                      "the answer was wrong"
                          + System.lineSeparator()
                          + "  measured: "
                          + new Random(42).nextInt(5));
              assertThat(thrown.getSuppressed()[0].getMessage()).contains("--seed 42");
            });
  }
}
