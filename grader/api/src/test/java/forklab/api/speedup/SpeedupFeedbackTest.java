package forklab.api.speedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words a student reads, on fixed decisions: no clock involved. */
class SpeedupFeedbackTest {
  private static final String NL = System.lineSeparator();

  private final SpeedupJudge.Builder<Long, Long> config =
      SpeedupJudge.<Long, Long>builder().threads(2).goal(0.85);

  @Test
  void aSequentialCandidateCappedByItsCpusIsToldHowManyItKeptBusy() {
    Decision decision =
        new Decision(
            Verdict.FAIL,
            0.52,
            0.50,
            0.62,
            1.92,
            1.0,
            7,
            0,
            "even the fastest rounds reached only 0.62 of the limit (goal 0.85)");
    SpeedupJudge.Result result =
        new SpeedupJudge.Result(
            decision,
            new Evidence(1.02, 1.0),
            config,
            31.5,
            new SpeedupJudge.CpuCap(1.0, 31.5, true),
            new ForeignCpu());

    assertThat(result.feedback())
        .isEqualTo(
            "the speedup goal is missed: your code ran 31.50x faster than the grader's sequential code but kept only"
                + " about 1.0 CPU busy, so at most 1.0x counts"
                + NL
                + "  measured: 1.00x counts with 2 threads (median of 7 rounds): your code ran 31.50x faster than the"
                + " grader's sequential code, but it kept only about 1.0 CPU busy (counting as one CPU what the grader's"
                + " sequential code got), and code cannot run faster than the grader's sequential code by more than the"
                + " CPUs it keeps busy unless its algorithm is better, which is not parallelism"
                + NL
                + "  required: 1.63x: 0.85 of the 1.92x that a perfectly parallel kernel reached on the same 2 CPUs in the"
                + " same run"
                + NL
                + "  spread: your rounds reached 0.50 to 0.62 of that limit (even the fastest rounds reached only 0.62 of"
                + " the limit (goal 0.85))"
                + NL
                + "  evidence: while your code ran, the JVM used 1.02 CPU-seconds per second and at most 1.00 threads were"
                + " running at once"
                + NL
                + "  try next: a faster algorithm on one thread does not count as a speedup from threads: split the work"
                + " over all 2 threads so that they compute at the same time, with the same algorithm on one thread and"
                + " on many");
  }

  @Test
  void aPoolOfWorkerProcessesIsToldAboutWorkersNotThreads() {
    Decision decision =
        new Decision(
            Verdict.FAIL,
            0.47,
            0.46,
            0.50,
            1.96,
            0.93,
            7,
            0,
            "even the fastest rounds reached only 0.50 of the limit (goal 0.80)");
    SpeedupJudge.Result result =
        new SpeedupJudge.Result(
            decision,
            new Evidence(0.93, 0.0),
            SpeedupJudge.<Long, Long>builder().threads(2).goal(0.8).childProcesses(true),
            Double.NaN,
            SpeedupJudge.CpuCap.NONE,
            new ForeignCpu());

    assertThat(result.feedback())
        .contains(
            "measured: 0.93x faster than the grader's sequential code with 2 worker processes")
        .contains("evidence: while your code ran, this JVM and its child processes used 0.93")
        .contains(
            "try next: only about one core was busy: keep every worker computing at the same time")
        .doesNotContain("threads were running")
        .doesNotContain("parallel streams");
  }

  @Test
  void threadsLeftRunningAreNamedFirstWhenNoRoundCouldCount() {
    ForeignCpu foreign = new ForeignCpu();
    foreign.add(41, "worker-1", 1_850_000_000L);
    foreign.add(42, "pool-2-thread-1", 50_000_000L);
    foreign.add(3, "Common-Cleaner", 20_000L);
    Decision decision = new DecisionRule(0.85, 1.35).decide(java.util.List.of(), 14);
    SpeedupJudge.Result result =
        new SpeedupJudge.Result(
            decision,
            new Evidence(2.9, 3.0),
            config,
            Double.NaN,
            SpeedupJudge.CpuCap.NONE,
            foreign);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_JUDGED_HERE);
    assertThat(result.feedback())
        .isEqualTo(
            "the speedup could not be judged here: threads left running (worker-1, pool-2-thread-1) used the CPUs while"
                + " the grader measured the machine; too few rounds could count: only 0 of 14 rounds were measured"
                + " without other threads using the CPUs"
                + NL
                + "  discarded: 14 of 14 rounds did not count: other threads of this JVM used 1.90 s of CPU while the"
                + " grader timed its own code and the perfectly parallel kernel"
                + NL
                + "  left running: threads left running used 1.90 s of CPU while the grader measured the machine:"
                + " worker-1 (1.85 s), pool-2-thread-1 (0.05 s); stop every thread your code starts before its method"
                + " returns"
                + NL
                + "  try next: join every thread you start (or shut your pool down and wait for it) before your method"
                + " returns, then grade again");
  }

  @Test
  void publishedEntriesCarryTheLimitTheSeriesTheDiscardedRoundsAndTheForeignCpu() {
    ForeignCpu foreign = new ForeignCpu();
    foreign.add(41, "worker-1", 250_000_000L);
    Decision decision =
        new Decision(
            Verdict.PASS,
            0.95,
            0.9,
            Double.POSITIVE_INFINITY,
            1.9,
            1.8,
            13,
            1,
            "even the slowest rounds reached 0.90 of the limit (goal 0.85)");
    Map<String, String> published = new HashMap<>();

    new SpeedupJudge.Result(
            decision, new Evidence(1.97, 2.0), config, 0.98, SpeedupJudge.CpuCap.NONE, foreign)
        .publish(published::putAll);

    assertThat(published)
        .containsKeys(
            "forklab.measured",
            "forklab.required",
            "forklab.unit",
            "forklab.direction",
            "forklab.limit.calibrated limit",
            "forklab.detail.threads",
            "forklab.detail.fraction of limit",
            "forklab.detail.fraction range",
            "forklab.detail.rounds",
            "forklab.detail.cpu per wall",
            "forklab.detail.busy threads",
            "forklab.detail.verdict");
    assertThat(published).doesNotContainKeys("forklab.detail.calibrated limit");
    assertThat(published)
        .containsEntry("forklab.measured", "1.8000")
        .containsEntry("forklab.required", "1.6150")
        .containsEntry("forklab.unit", "x")
        .containsEntry("forklab.direction", "at-least")
        .containsEntry("forklab.limit.calibrated limit", "1.9000")
        .containsEntry("forklab.detail.fraction of limit", "0.95")
        .containsEntry("forklab.series-axis", "threads")
        .containsEntry("forklab.series.measured", "1.0000:0.9800,2.0000:1.8000")
        .containsEntry("forklab.series.calibrated limit", "1.0000:1.0000,2.0000:1.9000")
        .containsEntry("forklab.detail.discarded rounds", "1")
        .containsEntry("forklab.detail.foreign cpu", "0.25 s")
        .containsEntry("forklab.detail.fraction range", "0.90 to n/a");
  }
}
