package forklab.api.speedup;

import forklab.api.Feedback;
import forklab.api.Measured;
import forklab.api.Measurement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.junit.jupiter.api.TestReporter;

/**
 * Judges a speedup goal on the CPUs the check really has, however noisy the machine.
 *
 * <pre>{@code
 * SpeedupJudge.Result result = SpeedupJudge.<long[], Long>builder()
 *     .threads(Runtime.getRuntime().availableProcessors())
 *     .goal(0.85)
 *     .inputs(random -> freshRange(random))                 // a new input of the same cost per run
 *     .baseline(range -> GraderPrimes.count(range))          // the grader's own sequential code
 *     .candidate(range -> PrimeCounter.countParallel(range[0], range[1], threads))
 *     .control(range -> PrimeCounter.countParallel(range[0], range[1], 1))
 *     .random(random)
 *     .judge();
 * result.publish(testReporter);   // measured, required, limit, spread, evidence
 * result.assertPassed();          // FAIL throws; NOT JUDGED HERE aborts the check
 * }</pre>
 *
 * <p>Each round times, in a random order: the baseline and the candidate on the same fresh input
 * (the candidate's answer is checked against the baseline's), the control (the candidate on one
 * thread) on another fresh input, and the calibration kernel on one thread and on C threads. While
 * the candidate runs, the judge measures how many CPUs it keeps busy, and no more speedup than that
 * counts. While the grader's own code runs (the baseline and the kernel), the judge measures the
 * CPU that anything else in the process uses; a round in which that is more than a little does not
 * count, and the threads that used it are named. The {@link DecisionRule} decides on the rounds; an
 * undecided first batch gets one more batch.
 */
public final class SpeedupJudge<I, R> {
  /**
   * How much slower the kernel may run during the rounds than at start before a PASS is withheld.
   */
  static final double MAX_SLOWDOWN = 1.4;

  private final Builder<I, R> config;

  private SpeedupJudge(Builder<I, R> config) {
    this.config = config;
  }

  public static <I, R> Builder<I, R> builder() {
    return new Builder<>();
  }

  /** Runs the measurement. A wrong answer from the candidate fails at once with the input named. */
  public Result judge() throws InterruptedException {
    DecisionRule rule = new DecisionRule(config.goal, config.minimumLimit);
    ForeignCpu foreign = new ForeignCpu();
    if (config.threads < 2) {
      return new Result(
          new Decision(
              Verdict.NOT_JUDGED_HERE,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              0,
              0,
              "this machine gives the check only "
                  + config.threads
                  + " CPU, so no speedup can be shown here"),
          Evidence.NONE,
          config,
          Double.NaN,
          CpuCap.NONE,
          foreign);
    }
    long kernelIterations = warmUp();
    List<Round> rounds = new ArrayList<>();
    List<double[]> evidence = new ArrayList<>();
    int discarded = 0;
    Decision decision = null;
    for (int batch = 0; batch < 2; batch++) {
      for (int i = 0; i < config.rounds; i++) {
        Optional<Round> round = round(kernelIterations, evidence, foreign);
        if (round.isPresent()) {
          rounds.add(round.get());
        } else {
          discarded++;
        }
      }
      decision = rule.decide(rounds, discarded);
      if (!decision.undecided()) {
        break;
      }
    }
    double singleThread =
        config.control == null || rounds.isEmpty()
            ? Double.NaN
            : DecisionRule.median(
                rounds.stream()
                    .mapToDouble(round -> (double) round.baseline() / round.control())
                    .toArray());
    return new Result(
        withInterference(decision, rounds, kernelIterations),
        evidence(evidence),
        config,
        singleThread,
        CpuCap.of(rounds),
        foreign);
  }

  /**
   * Never PASS when the kernel ran markedly slower during the rounds than in the clean JVM at
   * start: something (possibly the submission's own leftover threads) was competing for the CPUs.
   */
  private static Decision withInterference(
      Decision decision, List<Round> rounds, long kernelIterations) {
    Optional<Calibration> clean = Calibration.atStart();
    if (decision.verdict() != Verdict.PASS || clean.isEmpty()) {
      return decision;
    }
    double during =
        DecisionRule.median(
            rounds.stream()
                .mapToDouble(round -> (double) round.kernelOne() / kernelIterations)
                .toArray());
    double slowdown = during / clean.get().nanosPerIteration();
    if (slowdown <= MAX_SLOWDOWN) {
      return decision;
    }
    return new Decision(
        Verdict.NOT_JUDGED_HERE,
        decision.fraction(),
        decision.low(),
        decision.high(),
        decision.limit(),
        decision.speedup(),
        decision.rounds(),
        decision.discarded(),
        String.format(
            Locale.ROOT,
            "the CPUs were %.1fx slower during the measurement than when the checks started: something was"
                + " competing for them (threads your code left running count too)",
            slowdown));
  }

  private long warmUp() throws InterruptedException {
    Clocks.processError(); // measured once, before any round
    long baselineNanos = Long.MAX_VALUE;
    for (int i = 0; i < config.warmup; i++) {
      I input = config.inputs.apply(config.random);
      long start = System.nanoTime();
      R expected = config.baseline.apply(input);
      baselineNanos = Math.min(baselineNanos, System.nanoTime() - start);
      check(input, expected, config.candidate.apply(input));
      if (config.control != null) {
        config.control.apply(config.inputs.apply(config.random));
      }
    }
    long probe = 20_000_000L;
    long probeNanos = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      probeNanos = Math.min(probeNanos, SpinKernel.timeOne(probe));
      SpinKernel.timeAll(probe, config.threads);
    }
    long iterations = (long) ((double) probe * baselineNanos / Math.max(1, probeNanos));
    return Math.max(iterations, 1_000_000L) / config.threads * config.threads;
  }

  /** One round; empty when something else used the CPUs while the grader's own code ran. */
  private Optional<Round> round(long kernelIterations, List<double[]> evidence, ForeignCpu foreign)
      throws InterruptedException {
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    Collections.shuffle(order, config.random);
    I shared = config.inputs.apply(config.random);
    I controlInput = config.inputs.apply(config.random);
    long[] nanos = new long[5];
    double[] cpu = {Double.NaN, Double.NaN};
    long baselineCpu = 0;
    boolean clean = true;
    R expected = null;
    R actual = null;
    for (int task : order) {
      switch (task) {
        case 0 -> {
          ForeignCpu.Window window = foreign.open();
          long cpuStart = Clocks.currentThread();
          long start = System.nanoTime();
          expected = config.baseline.apply(shared);
          nanos[0] = System.nanoTime() - start;
          baselineCpu = Clocks.currentThread() - cpuStart;
          clean &= window.close();
        }
        case 1 -> {
          BusySampler sampler = new BusySampler(config.childProcesses);
          long start = System.nanoTime();
          try {
            actual = config.candidate.apply(shared);
          } finally {
            nanos[1] = System.nanoTime() - start;
            sampler.close();
          }
          evidence.add(new double[] {sampler.cpuPerWall(), sampler.maxBusy()});
          cpu[0] = sampler.cpuLow();
          cpu[1] = sampler.cpuHigh();
        }
        case 2 -> {
          if (config.control != null) {
            long start = System.nanoTime();
            config.control.apply(controlInput);
            nanos[2] = System.nanoTime() - start;
          }
        }
        case 3 -> {
          ForeignCpu.Window window = foreign.open();
          nanos[3] = SpinKernel.timeOne(kernelIterations);
          clean &= window.close();
        }
        default -> {
          ForeignCpu.Window window = foreign.open();
          SpinKernel.Run run = SpinKernel.runAll(kernelIterations, config.threads);
          nanos[4] = run.nanos();
          clean &= window.close(run.workersCpu(), run.workers());
        }
      }
    }
    check(shared, expected, actual);
    if (!clean) {
      return Optional.empty();
    }
    // The CPUs the candidate kept busy count relative to the CPU the baseline got in the same
    // round: on a machine that other programs keep busy, the baseline gets less than a whole one.
    double baselineBusy =
        Clocks.threadCpu() && baselineCpu > 0 ? Math.min(1, (double) baselineCpu / nanos[0]) : 1;
    return Optional.of(
        new Round(
            nanos[0],
            Math.max(1, nanos[1]),
            nanos[2],
            nanos[3],
            nanos[4],
            cpu[0] / baselineBusy,
            cpu[1] / baselineBusy));
  }

  private void check(I input, R expected, R actual) {
    if (!config.sameAnswer.test(expected, actual)) {
      throw Feedback.of("the parallel code gave a wrong answer during the speedup measurement")
          .measured(String.valueOf(actual) + " for input " + config.describeInput.apply(input))
          .required(String.valueOf(expected))
          .tryNext("make it correct first: a speedup only counts for right answers")
          .fail();
    }
  }

  private static Evidence evidence(List<double[]> samples) {
    if (samples.isEmpty()) {
      return Evidence.NONE;
    }
    return new Evidence(
        DecisionRule.median(
            samples.stream()
                .mapToDouble(sample -> sample[0])
                .filter(v -> !Double.isNaN(v))
                .toArray()),
        DecisionRule.median(samples.stream().mapToDouble(sample -> sample[1]).toArray()));
  }

  /** The judge's answer with its evidence, and the student-facing words for it. */
  public static final class Result {
    /** How many leftover threads the feedback names at most. */
    private static final int NAMED = 5;

    private final Decision decision;
    private final Evidence evidence;
    private final Builder<?, ?> config;
    private final double singleThreadSpeedup;
    private final CpuCap cap;
    private final ForeignCpu foreign;

    Result(
        Decision decision,
        Evidence evidence,
        Builder<?, ?> config,
        double singleThreadSpeedup,
        CpuCap cap,
        ForeignCpu foreign) {
      this.decision = decision;
      this.evidence = evidence;
      this.config = config;
      this.singleThreadSpeedup = singleThreadSpeedup;
      this.cap = cap;
      this.foreign = foreign;
    }

    public Decision decision() {
      return decision;
    }

    public Evidence evidence() {
      return evidence;
    }

    public Verdict verdict() {
      return decision.verdict();
    }

    /** The speedup required: the goal times the calibrated limit. */
    public double required() {
      return config.goal * decision.limit();
    }

    /**
     * Publishes measured and required speedups with the limit, the spread, the evidence, the rounds
     * discarded and the foreign CPU (seconds) that other threads used while the grader measured.
     */
    public void publish(TestReporter reporter) {
      Measurement measurement =
          Measurement.of(decision.speedup(), "x")
              .atLeast(required())
              .limit("calibrated limit", decision.limit())
              .detail("threads", config.threads)
              .detail("fraction of limit", format(decision.fraction()))
              .detail("fraction range", format(decision.low()) + " to " + format(decision.high()))
              .detail("rounds", decision.rounds())
              .detail("cpu per wall", format(evidence.cpuPerWall()))
              .detail("busy threads", format(evidence.busyThreads()))
              .detail("verdict", decision.verdict().name())
              .detail("discarded rounds", decision.discarded())
              .detail("foreign cpu", String.format(Locale.ROOT, "%.2f s", foreign.total() / 1e9));
      if (Double.isFinite(singleThreadSpeedup)) {
        double[] threads = {1, config.threads};
        measurement
            .series(
                "threads",
                "measured",
                threads,
                new double[] {singleThreadSpeedup, decision.speedup()})
            .series("threads", "calibrated limit", threads, new double[] {1, decision.limit()});
      }
      measurement.publish(reporter);
    }

    /** Returns on PASS; throws the feedback on FAIL; ends the check as not judged otherwise. */
    public void assertPassed() {
      switch (decision.verdict()) {
        case PASS -> {}
        case FAIL -> throw new AssertionError(feedback());
        default -> Measured.notJudgedHere(feedback());
      }
    }

    /**
     * What a student reads: measured, required, the limit, the spread, the evidence, the rounds
     * that did not count and the threads that used the CPUs meanwhile, and what to try next.
     */
    public String feedback() {
      if (decision.rounds() == 0 && decision.discarded() == 0) {
        return decision.reason();
      }
      Feedback text = Feedback.of(headline());
      if (Double.isFinite(decision.limit())) {
        text.measured(measured());
        text.required(
            String.format(
                Locale.ROOT,
                "%.2fx: %.2f of the %.2fx that a perfectly parallel kernel reached"
                    + " on the same %d CPUs in the same run",
                required(),
                config.goal,
                decision.limit(),
                config.threads));
        text.line(
            "spread",
            String.format(
                Locale.ROOT,
                "your rounds reached %s to %s of that limit (%s)",
                DecisionRule.bound(decision.low()),
                DecisionRule.bound(decision.high()),
                decision.reason()));
        text.line(
            "evidence",
            config.childProcesses
                ? String.format(
                    Locale.ROOT,
                    "while your code ran, this JVM and its child processes used %s CPU-seconds"
                        + " per second",
                    format(evidence.cpuPerWall()))
                : String.format(
                    Locale.ROOT,
                    "while your code ran, the JVM used %s CPU-seconds per second"
                        + " and at most %s threads were running at once",
                    format(evidence.cpuPerWall()),
                    format(evidence.busyThreads())));
      }
      if (decision.discarded() > 0) {
        text.line(
            "discarded",
            String.format(
                Locale.ROOT,
                "%d of %d rounds did not count: other threads of this JVM"
                    + " used %.2f s of CPU while the grader timed its own code and the perfectly parallel kernel",
                decision.discarded(),
                decision.discarded() + decision.rounds(),
                foreign.total() / 1e9));
        leftOver().ifPresent(threads -> text.line("left running", threads));
      }
      tryNext().ifPresent(text::tryNext);
      return text.message();
    }

    /**
     * The first line, which reports that show one line only cut short: the verdict, and what the
     * student must know first when threads left running or the CPUs seen busy decided it.
     */
    private String headline() {
      String why = "";
      List<String> names = foreign.busiestNames(3);
      if (decision.discarded() > 0 && !names.isEmpty()) {
        why =
            "threads left running ("
                + String.join(", ", names)
                + ") used the CPUs while the grader measured the"
                + " machine";
      } else if (cap.decides()) {
        why =
            String.format(
                Locale.ROOT,
                "your code ran %.2fx faster than the grader's sequential code but kept only"
                    + " about %.1f CPU busy, so at most %.1fx counts",
                cap.uncapped(),
                cap.seen(),
                cap.seen());
      }
      return switch (decision.verdict()) {
        case PASS -> "the speedup goal is met";
        case FAIL -> "the speedup goal is missed" + (why.isEmpty() ? "" : ": " + why);
        default ->
            "the speedup could not be judged here: "
                + (why.isEmpty() ? "" : why + "; ")
                + decision.reason();
      };
    }

    /** The measured line: what counts, and why no more when the CPUs seen busy capped it. */
    private String measured() {
      String counted =
          String.format(
              Locale.ROOT,
              "%.2fx faster than the grader's sequential code with %d "
                  + workers()
                  + " (median of %d rounds)",
              decision.speedup(),
              config.threads,
              decision.rounds());
      if (!cap.decides()) {
        return counted;
      }
      return String.format(
          Locale.ROOT,
          "%.2fx counts with %d "
              + workers()
              + " (median of %d rounds): your code ran %.2fx"
              + " faster than the grader's sequential code, but it kept only about %.1f CPU busy (counting as one CPU"
              + " what the grader's sequential code got), and code cannot run faster than the grader's sequential"
              + " code by more than the CPUs it keeps busy unless its algorithm is better, which is not parallelism",
          decision.speedup(),
          config.threads,
          decision.rounds(),
          cap.uncapped(),
          cap.seen());
    }

    /** The threads that used CPU while the grader measured, when rounds were discarded for it. */
    private Optional<String> leftOver() {
      List<String> busiest = foreign.busiest(NAMED);
      if (busiest.isEmpty() && foreign.started() == 0) {
        return Optional.empty();
      }
      StringBuilder line = new StringBuilder();
      if (!busiest.isEmpty()) {
        line.append(
            String.format(
                Locale.ROOT,
                "threads left running used %.2f s of CPU while the grader measured"
                    + " the machine: %s",
                foreign.named() / 1e9,
                String.join(", ", busiest)));
      }
      if (foreign.started() > 0) {
        line.append(line.isEmpty() ? "" : "; ")
            .append(foreign.started())
            .append(" thread(s) were started while the grader measured the machine");
      }
      return Optional.of(
          line.append("; stop every thread your code starts before its method returns").toString());
    }

    /** What runs the candidate's work in parallel: threads, or worker processes. */
    private String workers() {
      return config.childProcesses ? "worker processes" : "threads";
    }

    private Optional<String> tryNext() {
      if (config.childProcesses && decision.verdict() == Verdict.FAIL) {
        return Optional.of(
            evidence.cpuPerWall() < 1.3
                ? "only about one core was busy: keep every worker computing at the same time:"
                    + " write the next input to each worker as soon as it has answered, from a"
                    + " thread of its own (or without waiting for the other workers' answers),"
                    + " never one input at a time for the whole pool"
                : "several cores were busy but the work was not split well: hand out one input at"
                    + " a time from a shared queue, so that no worker idles while another still"
                    + " has a long list");
      }
      boolean leftRunning =
          decision.discarded() > 0 && (!foreign.busiest(1).isEmpty() || foreign.started() > 0);
      String splitTheWork =
          "a faster algorithm on one thread does not count as a speedup from threads: split the"
              + " work over all "
              + config.threads
              + " threads so that they compute at the same time, with the same"
              + " algorithm on one thread and on many";
      return switch (decision.verdict()) {
        case PASS -> Optional.empty();
        case FAIL ->
            Optional.of(
                cap.decides()
                    ? splitTheWork
                    : evidence.cpuPerWall() < 1.3
                        ? "only about one core was busy: make sure every thread starts before you wait for any, and that the"
                            + " threads really share the work (no parallel streams, no single-threaded executor)"
                        : "several cores were busy but the work was not split well: hand out small blocks from a shared"
                            + " counter so that no thread idles while another still has a large share");
        default ->
            Optional.of(
                leftRunning
                    ? "join every thread you start (or shut your pool down and wait for it) before your method returns,"
                        + " then grade again"
                    : cap.decides()
                        ? splitTheWork
                        : decision.discarded() > 0
                            ? "the JVM's own threads (compiler, garbage collector) were busy while the grader measured; re-run"
                                + " the grade (--retry-unjudged 2)"
                            : "nothing is wrong with your code as far as this check can tell; re-run the grade"
                                + " (--retry-unjudged 2) when the machine is quieter");
      };
    }

    private static String format(double value) {
      return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "n/a";
    }
  }

  /**
   * Whether the CPUs seen busy capped the speedup that counts.
   *
   * @param seen the CPUs the candidate was seen to keep busy (median of the rounds' lower bounds)
   * @param uncapped the speedup without that cap (median over the rounds)
   * @param decides whether, in most rounds, the candidate ran faster than even the most CPUs the
   *     clocks allow could explain: then the cap, not the timings, set what counts
   */
  record CpuCap(double seen, double uncapped, boolean decides) {
    static final CpuCap NONE = new CpuCap(Double.NaN, Double.NaN, false);

    static CpuCap of(List<Round> rounds) {
      if (rounds.isEmpty()) {
        return NONE;
      }
      double[] seen =
          rounds.stream().mapToDouble(Round::cpuLow).filter(v -> !Double.isNaN(v)).toArray();
      if (seen.length == 0) {
        return NONE;
      }
      double uncapped =
          DecisionRule.median(rounds.stream().mapToDouble(Round::timedSpeedup).toArray());
      long capped = rounds.stream().filter(Round::cappedByCpu).count();
      return new CpuCap(DecisionRule.median(seen), uncapped, capped * 2 > rounds.size());
    }
  }

  /** Configures a judge; every setter returns the builder. */
  public static final class Builder<I, R> {
    private int threads = Runtime.getRuntime().availableProcessors();
    private double goal = 0.85;
    private double minimumLimit = 1.35;
    private int rounds = 7;
    private int warmup = 2;
    private Random random = new Random();
    private Function<Random, I> inputs;
    private Function<I, R> baseline;
    private Function<I, R> candidate;
    private Function<I, R> control;
    private BiPredicate<R, R> sameAnswer = Objects::equals;
    private Function<I, String> describeInput = String::valueOf;
    private boolean childProcesses;

    public Builder<I, R> threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** The fraction of the calibrated limit required (default 0.85). */
    public Builder<I, R> goal(double goal) {
      this.goal = goal;
      return this;
    }

    /** Below this calibrated limit nothing is judged (default 1.35). */
    public Builder<I, R> minimumLimit(double minimumLimit) {
      this.minimumLimit = minimumLimit;
      return this;
    }

    /** Rounds per batch (default 7, at least 3). */
    public Builder<I, R> rounds(int rounds) {
      if (rounds < 3) {
        throw new IllegalArgumentException("at least 3 rounds");
      }
      this.rounds = rounds;
      return this;
    }

    public Builder<I, R> warmup(int warmup) {
      this.warmup = Math.max(1, warmup);
      return this;
    }

    /** The source of inputs and of the order of each round: the check's seeded random. */
    public Builder<I, R> random(Random random) {
      this.random = random;
      return this;
    }

    /** A fresh input for every timed run; all of the same cost, so that caching gains nothing. */
    public Builder<I, R> inputs(Function<Random, I> inputs) {
      this.inputs = inputs;
      return this;
    }

    /**
     * The grader's own sequential code: the reference time and the right answer. It must run on the
     * calling thread and start no threads: that thread's CPU time tells how much of a CPU the
     * machine gave it, and any other thread busy meanwhile makes the round not count.
     */
    public Builder<I, R> baseline(Function<I, R> baseline) {
      this.baseline = baseline;
      return this;
    }

    /** The submission's parallel code at the thread count under test. */
    public Builder<I, R> candidate(Function<I, R> candidate) {
      this.candidate = candidate;
      return this;
    }

    /** Optional: the submission on one thread, so a faster algorithm does not count as speedup. */
    public Builder<I, R> control(Function<I, R> control) {
      this.control = control;
      return this;
    }

    public Builder<I, R> sameAnswer(BiPredicate<R, R> sameAnswer) {
      this.sameAnswer = sameAnswer;
      return this;
    }

    /**
     * Whether the CPU time of this JVM's child processes counts as the candidate's (default no).
     * For a candidate that does its work in worker processes (a process pool), the CPUs it keeps
     * busy are theirs: without this, the evidence cap sees this JVM idle and caps the speedup at
     * about 0. Leave it off for thread exercises, where a child process is no part of the answer.
     */
    public Builder<I, R> childProcesses(boolean childProcesses) {
      this.childProcesses = childProcesses;
      return this;
    }

    /** How to name an input in feedback (default {@code String.valueOf}). */
    public Builder<I, R> describeInput(Function<I, String> describeInput) {
      this.describeInput = describeInput;
      return this;
    }

    public SpeedupJudge.Result judge() throws InterruptedException {
      Objects.requireNonNull(inputs, "inputs");
      Objects.requireNonNull(baseline, "baseline");
      Objects.requireNonNull(candidate, "candidate");
      return new SpeedupJudge<>(this).judge();
    }
  }
}
