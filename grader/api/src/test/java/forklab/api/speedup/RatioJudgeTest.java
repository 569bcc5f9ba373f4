package forklab.api.speedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The ratio judge on synthetic timings: a fake clock that each cost moves on. No real clock. */
class RatioJudgeTest {
  private static final String NL = System.lineSeparator();

  private long now;
  private final List<String> calls = new ArrayList<>();

  /** A cost that takes the given nanoseconds in turn, round after round. */
  private Callable<Integer> costing(String name, long... nanos) {
    int[] next = {0};
    return () -> {
      calls.add(name);
      now += nanos[next[0]++ % nanos.length];
      return 42;
    };
  }

  private RatioJudge.Result judge(double factor, long[] cheaper, long[] dearer)
      throws InterruptedException {
    return RatioJudge.<Integer>builder()
        .cheaper("a thread creation", costing("A", cheaper))
        .than("a process creation", costing("B", dearer))
        .atLeast(factor)
        .rounds(7, 21)
        .warmup(0)
        .random(new Random(9))
        .clock(() -> now)
        .judge();
  }

  @Test
  void aClearlyCheaperWayPassesAfterTheMinimumOfRounds() throws InterruptedException {
    RatioJudge.Result result =
        judge(3, new long[] {50_000, 55_000, 48_000}, new long[] {2_000_000, 2_100_000});

    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.decision().rounds()).isEqualTo(7);
    assertThat(result.decision().low()).isGreaterThanOrEqualTo(3);
    result.assertPassed();
  }

  @Test
  void aWayThatIsOnlyTwiceAsCheapFails() throws InterruptedException {
    RatioJudge.Result result =
        judge(3, new long[] {100_000, 110_000, 95_000}, new long[] {200_000, 210_000});

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(result.decision().high()).isLessThan(3);
    assertThatThrownBy(result::assertPassed)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("the ratio goal is missed")
        .hasMessageContaining("required: a thread creation at least 3.00x cheaper")
        .hasMessageContaining("try next: find the work that a thread creation still repeats");
  }

  @Test
  void aRatioRightAtTheFactorStaysNotJudgedAfterTheMaximumOfRounds() throws InterruptedException {
    RatioJudge.Result result =
        judge(
            3,
            new long[] {100_000, 100_000, 100_000, 100_000, 100_000},
            new long[] {290_000, 310_000, 295_000, 305_000, 300_000, 285_000, 315_000});

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_JUDGED_HERE);
    assertThat(result.decision().rounds()).isEqualTo(21);
    assertThat(result.decision().reason()).startsWith(DecisionRule.TOO_NOISY);
    assertThatThrownBy(result::assertPassed)
        .isInstanceOf(TestAbortedException.class)
        .hasMessageStartingWith("the ratio could not be judged here")
        .hasMessageContaining("--retry-unjudged");
  }

  @Test
  void aNoisyMachineGetsNotJudgedRatherThanAVerdict() throws InterruptedException {
    // The median ratio is well above 3, but the rounds range from 1x to 12x.
    RatioJudge.Result result =
        judge(
            3,
            new long[] {100_000, 400_000, 120_000, 900_000, 80_000},
            new long[] {300_000, 1_200_000, 150_000, 600_000, 700_000, 900_000});

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_JUDGED_HERE);
    assertThat(result.decision().low()).isLessThan(3);
    assertThat(result.decision().high()).isGreaterThan(3);
  }

  @Test
  void oneWildRoundDoesNotStopAClearPass() throws InterruptedException {
    RatioJudge.Result result =
        judge(
            3,
            new long[] {50_000, 50_000, 50_000, 5_000_000, 50_000, 50_000, 50_000},
            new long[] {2_000_000});

    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void aWayThatCostsMoreThanTheOtherFails() throws InterruptedException {
    RatioJudge.Result result =
        judge(3, new long[] {2_000_000, 2_100_000}, new long[] {50_000, 55_000, 48_000});

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(result.decision().ratio()).isLessThan(1);
    assertThat(result.feedback())
        .contains("try next: a thread creation cost more than a process creation, not less");
  }

  @Test
  void unitsMakeTheRatioPerUnitOfWork() throws InterruptedException {
    // A: 1000 increments in 1 ms (1 µs each); B: 10 increments in 1 ms (100 µs each): 100x.
    RatioJudge.Result result =
        RatioJudge.<Integer>builder()
            .cheaper("an increment with threads", 1000, costing("A", 1_000_000))
            .than("an increment with processes", 10, costing("B", 1_000_000))
            .atLeast(10)
            .random(new Random(1))
            .clock(() -> now)
            .judge();

    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.decision().ratio()).isEqualTo(100.0);
  }

  @Test
  void eachRoundRunsBothOnceInAnOrderTheSeedPicks() throws InterruptedException {
    judge(3, new long[] {50_000}, new long[] {2_000_000});

    assertThat(calls).hasSize(2 * 7); // no warm-up in these tests
    List<String> firsts = new ArrayList<>();
    for (int i = 0; i < calls.size(); i += 2) {
      assertThat(List.of(calls.get(i), calls.get(i + 1))).containsExactlyInAnyOrder("A", "B");
      firsts.add(calls.get(i));
    }
    assertThat(firsts).contains("A", "B");
  }

  @Test
  void differentAnswersFailAtOnce() {
    assertThatThrownBy(
            () ->
                RatioJudge.<Integer>builder()
                    .cheaper("pooled", () -> 1)
                    .than("threadPerTask", () -> 2)
                    .atLeast(3)
                    .sameAnswer(Integer::equals)
                    .clock(() -> now)
                    .judge())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("pooled gave 1")
        .hasMessageContaining("threadPerTask gave 2");
  }

  @Test
  void thePublishedMeasurementIsTheRatioAgainstTheFactor() throws InterruptedException {
    RatioJudge.Result result = judge(3, new long[] {50_000}, new long[] {2_000_000});
    List<String> published = new ArrayList<>();

    result.publish(entries -> published.add(entries.toString()));

    assertThat(String.join("", published))
        .contains("forklab.measured=40.0000")
        .contains("forklab.required=3.0000")
        .contains("rounds=7")
        .contains("ratio range=40.00x to 40.00x");
  }

  @Test
  void theFeedbackSaysWhatWasMeasuredAndRequiredAndTheSpread() {
    RatioJudge.RatioDecision decision =
        RatioJudge.decide(
            new double[][] {{100, 200}, {100, 210}, {100, 190}, {100, 205}, {100, 195}}, 3);
    RatioJudge.Result result =
        new RatioJudge.Result(decision, "a thread creation", "a process creation");

    assertThat(result.feedback())
        .isEqualTo(
            "the ratio goal is missed"
                + NL
                + "  measured: a process creation cost 2.00x as much as a thread creation"
                + " (median of 5 rounds: 0.2 µs against 0.1 µs)"
                + NL
                + "  required: a thread creation at least 3.00x cheaper than a process creation"
                + NL
                + "  spread: your rounds gave 1.90x to 2.10x"
                + " (even the highest rounds reached only 2.10x (goal 3.00x))"
                + NL
                + "  try next: find the work that a thread creation still repeats on every call,"
                + " and do it once or not at all");
  }
}
