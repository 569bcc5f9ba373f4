package forklab.api.speedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decision rule on synthetic timings: no clock involved. */
class DecisionRuleTest {
  private final DecisionRule rule = new DecisionRule(0.85, 1.35);

  /** A round where the kernel reaches {@code limit} and the candidate reaches {@code speedup}. */
  private static Round round(double limit, double speedup) {
    long baseline = 200_000_000L;
    return new Round(
        baseline, (long) (baseline / speedup), 0, 200_000_000L, (long) (200_000_000L / limit));
  }

  private static List<Round> rounds(double limit, double... speedups) {
    List<Round> rounds = new ArrayList<>();
    for (double speedup : speedups) {
      rounds.add(round(limit, speedup));
    }
    return rounds;
  }

  @Test
  void aCandidateCloseToTheLimitInEveryRoundPasses() {
    Decision decision = rule.decide(rounds(2.0, 1.90, 1.95, 1.85, 1.92, 1.88, 1.97, 1.80));

    assertThat(decision.verdict()).isEqualTo(Verdict.PASS);
    assertThat(decision.limit()).isEqualTo(2.0, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(decision.low()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void aSequentialCandidateFails() {
    Decision decision = rule.decide(rounds(1.9, 1.0, 1.02, 0.98, 1.01, 0.99, 1.03, 1.0));

    assertThat(decision.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(decision.high()).isLessThan(0.85);
    assertThat(decision.reason()).startsWith("even the fastest rounds reached only 0.54");
  }

  @Test
  void aSpreadThatStraddlesTheGoalIsUndecidedNotFailed() {
    Decision decision = rule.decide(rounds(2.0, 1.3, 2.0, 1.5, 1.9, 1.6, 1.8, 1.7));

    assertThat(decision.verdict()).isEqualTo(Verdict.NOT_JUDGED_HERE);
    assertThat(decision.undecided()).isTrue();
  }

  @Test
  void aMachineThatShowsTooLittleParallelismNeverPasses() {
    Decision decision = rule.decide(rounds(1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2));

    assertThat(decision.verdict()).isEqualTo(Verdict.NOT_JUDGED_HERE);
    assertThat(decision.undecided()).isFalse();
    assertThat(decision.reason()).contains("reached only 1.20x").contains("at least 1.35x");
  }

  @Test
  void oneWildRoundDoesNotDecideAlone() {
    Decision passing = rule.decide(rounds(2.0, 1.9, 1.9, 1.9, 0.5, 1.9, 1.9, 1.9));
    Decision failing = rule.decide(rounds(2.0, 1.0, 1.0, 1.0, 3.9, 1.0, 1.0, 1.0));

    assertThat(passing.verdict()).isEqualTo(Verdict.PASS);
    assertThat(failing.verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void theLimitIsMeasuredPerRoundSoASlowMomentHitsBothSides() {
    List<Round> rounds = new ArrayList<>();
    double[] limits = {2.0, 1.5, 1.9, 1.6, 2.0, 1.7, 1.8};
    for (double limit : limits) {
      rounds.add(round(limit, limit * 0.95));
    }

    assertThat(rule.decide(rounds).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void aFasterAlgorithmWithoutThreadsIsNotASpeedup() {
    List<Round> rounds = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long baseline = 200_000_000L;
      long candidate = 50_000_000L; // 4x faster than the baseline...
      long control = 52_000_000L; // ...but just as fast on one thread
      rounds.add(new Round(baseline, candidate, control, 200_000_000L, 100_000_000L));
    }

    Decision decision = rule.decide(rounds);

    assertThat(decision.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(decision.speedup()).isLessThan(1.1);
  }

  @Test
  void aDeliberatelySlowControlRunDoesNotInflateTheSpeedup() {
    List<Round> rounds = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      rounds.add(new Round(200_000_000L, 190_000_000L, 2_000_000_000L, 200_000_000L, 100_000_000L));
    }

    assertThat(rule.decide(rounds).verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void neitherVerdictIsEverWrongOnNoisyRandomRounds() {
    Random random = new Random(2026);
    for (int trial = 0; trial < 2_000; trial++) {
      double limit = 1.5 + random.nextDouble() * 0.6;
      List<Round> good = new ArrayList<>();
      List<Round> sequential = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        double noise = 1 + random.nextGaussian() * 0.06;
        good.add(round(limit * noise, limit * 0.97 * noise * (1 + random.nextGaussian() * 0.04)));
        sequential.add(round(limit * noise, 1.0 * (1 + random.nextGaussian() * 0.05)));
      }
      assertThat(rule.decide(good).verdict())
          .as("reference, trial %d", trial)
          .isNotEqualTo(Verdict.FAIL);
      assertThat(rule.decide(sequential).verdict())
          .as("sequential cheat, trial %d", trial)
          .isNotEqualTo(Verdict.PASS);
    }
  }

  @Test
  void aSlowOneThreadRunDoesNotHelpCodeThatKeptOneCpuBusy() {
    List<Round> rounds = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // 4x faster than the baseline and than its own one-thread run, on about one CPU.
      rounds.add(
          new Round(200_000_000L, 50_000_000L, 200_000_000L, 200_000_000L, 105_000_000L, 1.0, 1.4));
    }

    Decision decision = rule.decide(rounds);

    assertThat(decision.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(decision.speedup()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void cpuBoundsTooWideToTellAreNeitherPassNorFail() {
    List<Round> rounds = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // A 5 ms run: the clocks only tell that between 1 and 5 CPUs were busy.
      rounds.add(
          new Round(150_000_000L, 5_000_000L, 150_000_000L, 150_000_000L, 80_000_000L, 1.0, 5.0));
    }

    Decision decision = rule.decide(rounds);

    assertThat(decision.verdict()).isEqualTo(Verdict.NOT_JUDGED_HERE);
    assertThat(decision.low()).isLessThan(0.85);
    assertThat(decision.high()).isGreaterThan(0.85);
  }

  @Test
  void cpuBoundsAboveTheSpeedupChangeNothing() {
    List<Round> withCpu = new ArrayList<>();
    for (Round round : rounds(2.0, 1.90, 1.95, 1.85, 1.92, 1.88, 1.97, 1.80)) {
      withCpu.add(
          new Round(
              round.baseline(),
              round.candidate(),
              round.control(),
              round.kernelOne(),
              round.kernelAll(),
              1.98,
              2.3));
    }

    assertThat(rule.decide(withCpu))
        .isEqualTo(rule.decide(rounds(2.0, 1.90, 1.95, 1.85, 1.92, 1.88, 1.97, 1.80)));
  }

  @Test
  void aDiscardedRoundCountsAsTheWorstForPassAndTheBestForFail() {
    Decision passing = rule.decide(rounds(2.0, 1.9, 1.9, 1.9, 1.9, 1.9, 1.9), 1);
    Decision twoDiscarded = rule.decide(rounds(2.0, 1.9, 1.9, 1.9, 1.9, 1.9), 2);
    Decision failing = rule.decide(rounds(2.0, 1.0, 1.0, 1.0, 1.0, 1.0), 2);

    assertThat(passing.verdict()).isEqualTo(Verdict.PASS);
    assertThat(passing.discarded()).isEqualTo(1);
    assertThat(twoDiscarded.verdict()).isEqualTo(Verdict.NOT_JUDGED_HERE);
    assertThat(twoDiscarded.low()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(twoDiscarded.reason())
        .contains("between unknown and")
        .contains("2 of 7 rounds were discarded");
    assertThat(failing.verdict()).isEqualTo(Verdict.NOT_JUDGED_HERE);
    assertThat(failing.high()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void discardingTheSlowRoundsCannotCherryPickAPass() {
    // Seven rounds of which two fell short; a saboteur vetoes those two by disturbing the kernel.
    Decision measured = rule.decide(rounds(2.0, 1.9, 1.9, 1.0, 1.9, 1.9, 1.0, 1.9));
    Decision vetoed = rule.decide(rounds(2.0, 1.9, 1.9, 1.9, 1.9, 1.9), 2);

    assertThat(measured.verdict()).isNotEqualTo(Verdict.PASS);
    assertThat(vetoed.verdict()).isNotEqualTo(Verdict.PASS);
  }

  @Test
  void tooFewCleanRoundsAreNotJudgedAndAskForMore() {
    Decision decision = rule.decide(rounds(2.0, 1.9, 1.9), 12);

    assertThat(decision.verdict()).isEqualTo(Verdict.NOT_JUDGED_HERE);
    assertThat(decision.undecided()).isTrue();
    assertThat(decision.rounds()).isEqualTo(2);
    assertThat(decision.reason())
        .isEqualTo(
            "too few rounds could count: only 2 of 14 rounds were measured without other threads using the CPUs");
  }

  @Test
  void theIntervalUsesTheOrderStatisticThatKeepsItsCoverage() {
    assertThat(DecisionRule.orderStatistic(7)).isEqualTo(2);
    assertThat(DecisionRule.orderStatistic(14)).isEqualTo(4);
    assertThat(DecisionRule.orderStatistic(3)).isEqualTo(1);
  }

  @Test
  void refusesTooFewRoundsAndNonsenseGoals() {
    assertThatThrownBy(() -> rule.decide(rounds(2.0, 1.9, 1.9)))
        .hasMessageContaining("at least 3 rounds");
    assertThatThrownBy(() -> new DecisionRule(0, 1.35))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Round(0, 1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Round(1, 1, 0, 1, 1, 2.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule.decide(rounds(2.0, 1.9), 0))
        .hasMessageContaining("at least 3 rounds");
  }
}
