package forklab.api.speedup;

import forklab.api.Feedback;
import forklab.api.Measured;
import forklab.api.Measurement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.TestReporter;

/**
 * Judges a ratio goal, "A is at least k times cheaper than B", with the speedup judge's decision
 * rule applied to per-round ratios.
 *
 * <pre>{@code
 * RatioJudge.Result result = RatioJudge.builder()
 *     .cheaper("a thread creation", () -> startAndJoinThread())
 *     .than("a process creation", () -> startAndWaitForProcess())
 *     .atLeast(3)
 *     .random(random)
 *     .judge();
 * result.publish(testReporter);   // measured ratio, required, rounds, spread
 * result.assertPassed();          // FAIL throws; NOT JUDGED HERE aborts the check
 * }</pre>
 *
 * <p>Each round times A and B once each, in an order the seeded random picks anew per round, and
 * gives the ratio B / A (per unit of work when units are given). On the ratios of the rounds, the
 * {@link DecisionRule}'s distribution-free interval around the median decides: PASS when its low
 * end reaches k, FAIL when its high end is below k. Undecided after the minimum of rounds, the
 * judge measures up to the maximum and decides once more on all of them; still undecided, NOT
 * JUDGED HERE.
 */
public final class RatioJudge<R> {
  private final Builder<R> config;

  private RatioJudge(Builder<R> config) {
    this.config = config;
  }

  public static <R> Builder<R> builder() {
    return new Builder<>();
  }

  /** Runs the rounds. A cost that throws, or answers that differ, fail at once. */
  public Result judge() throws InterruptedException {
    for (int i = 0; i < config.warmup; i++) {
      round();
    }
    double[][] rounds = new double[config.maximumRounds][];
    int done = 0;
    RatioDecision decision = null;
    for (int target : new int[] {config.minimumRounds, config.maximumRounds}) {
      while (done < target) {
        rounds[done++] = round();
      }
      decision = decide(Arrays.copyOf(rounds, done), config.factor);
      if (!decision.undecided()) {
        break;
      }
    }
    return new Result(decision, config.cheaper.what, config.dearer.what);
  }

  /** One round: {cost of A per unit, cost of B per unit}, in nanoseconds. */
  private double[] round() throws InterruptedException {
    boolean cheaperFirst = config.random.nextBoolean();
    Timed<R> first = time(cheaperFirst ? config.cheaper : config.dearer);
    Timed<R> second = time(cheaperFirst ? config.dearer : config.cheaper);
    Timed<R> cheaper = cheaperFirst ? first : second;
    Timed<R> dearer = cheaperFirst ? second : first;
    if (config.sameAnswer != null && !config.sameAnswer.test(cheaper.answer, dearer.answer)) {
      throw Feedback.of("the two ways gave different answers during the ratio measurement")
          .measured(config.cheaper.what + " gave " + cheaper.answer)
          .required(config.dearer.what + " gave " + dearer.answer)
          .tryNext("make both correct first: a cost only counts for right answers")
          .fail();
    }
    return new double[] {cheaper.perUnit, dearer.perUnit};
  }

  private Timed<R> time(Cost<R> cost) throws InterruptedException {
    long start = config.clock.getAsLong();
    R answer;
    try {
      answer = cost.run.call();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      AssertionError failure =
          Feedback.of(cost.what + " threw " + e + " while the ratio was measured")
              .tryNext("make it run without errors first")
              .fail();
      failure.initCause(e);
      throw failure;
    }
    long nanos = Math.max(1, config.clock.getAsLong() - start);
    return new Timed<>(answer, (double) nanos / cost.units);
  }

  /**
   * Decides on rounds of {cost of A, cost of B}: the interval of the ratios B / A against {@code
   * factor}.
   */
  static RatioDecision decide(double[][] rounds, double factor) {
    if (rounds.length < 3) {
      throw new IllegalArgumentException("at least 3 rounds are needed, not " + rounds.length);
    }
    double[] ratios = Arrays.stream(rounds).mapToDouble(round -> round[1] / round[0]).toArray();
    DecisionRule.Interval interval = DecisionRule.interval(ratios, ratios, 0);
    Verdict verdict = interval.against(factor);
    String reason =
        switch (verdict) {
          case PASS ->
              String.format(
                  Locale.ROOT,
                  "even the lowest rounds reached %.2fx (goal %.2fx)",
                  interval.low(),
                  factor);
          case FAIL ->
              String.format(
                  Locale.ROOT,
                  "even the highest rounds reached only %.2fx (goal %.2fx)",
                  interval.high(),
                  factor);
          default ->
              String.format(
                  Locale.ROOT,
                  DecisionRule.TOO_NOISY
                      + ": between %.2fx and %.2fx, on both sides of the goal %.2fx",
                  interval.low(),
                  interval.high(),
                  factor);
        };
    return new RatioDecision(
        verdict,
        interval.median(),
        interval.low(),
        interval.high(),
        factor,
        DecisionRule.median(Arrays.stream(rounds).mapToDouble(round -> round[0]).toArray()),
        DecisionRule.median(Arrays.stream(rounds).mapToDouble(round -> round[1]).toArray()),
        rounds.length,
        reason);
  }

  /**
   * What the rule concluded from the ratios.
   *
   * @param verdict pass, fail, or not judged here
   * @param ratio the median ratio B / A
   * @param low the interval's low end
   * @param high the interval's high end
   * @param factor the ratio required
   * @param cheaperNanos the median cost of A per unit, in nanoseconds
   * @param dearerNanos the median cost of B per unit, in nanoseconds
   * @param rounds how many rounds the decision rests on
   * @param reason why, in a sentence a student understands
   */
  public record RatioDecision(
      Verdict verdict,
      double ratio,
      double low,
      double high,
      double factor,
      double cheaperNanos,
      double dearerNanos,
      int rounds,
      String reason) {
    /** Whether more rounds could still settle it. */
    public boolean undecided() {
      return verdict == Verdict.NOT_JUDGED_HERE;
    }
  }

  /** The judge's answer and the student-facing words for it. */
  public static final class Result {
    private final RatioDecision decision;
    private final String cheaper;
    private final String dearer;

    Result(RatioDecision decision, String cheaper, String dearer) {
      this.decision = decision;
      this.cheaper = cheaper;
      this.dearer = dearer;
    }

    public RatioDecision decision() {
      return decision;
    }

    public Verdict verdict() {
      return decision.verdict();
    }

    /** Publishes the measured ratio against the one required, with the rounds and the spread. */
    public void publish(TestReporter reporter) {
      Measurement.of(decision.ratio(), "x")
          .atLeast(decision.factor())
          .detail("cheaper", cheaper)
          .detail("than", dearer)
          .detail("rounds", decision.rounds())
          .detail("ratio range", times(decision.low()) + " to " + times(decision.high()))
          .detail("cheaper median", micros(decision.cheaperNanos()))
          .detail("dearer median", micros(decision.dearerNanos()))
          .detail("verdict", decision.verdict().name())
          .publish(reporter);
    }

    /** Returns on PASS; throws the feedback on FAIL; ends the check as not judged otherwise. */
    public void assertPassed() {
      switch (decision.verdict()) {
        case PASS -> {}
        case FAIL -> throw new AssertionError(feedback());
        default -> Measured.notJudgedHere(feedback());
      }
    }

    /** What a student reads: measured, required, the spread, and what to try next. */
    public String feedback() {
      Feedback text =
          Feedback.of(
              switch (decision.verdict()) {
                case PASS -> "the ratio goal is met";
                case FAIL -> "the ratio goal is missed";
                default -> "the ratio could not be judged here: " + decision.reason();
              });
      text.measured(
          String.format(
              Locale.ROOT,
              "%s cost %s as much as %s (median of %d rounds: %s against %s)",
              dearer,
              times(decision.ratio()),
              cheaper,
              decision.rounds(),
              micros(decision.dearerNanos()),
              micros(decision.cheaperNanos())));
      text.required(
          String.format(
              Locale.ROOT,
              "%s at least %s cheaper than %s",
              cheaper,
              times(decision.factor()),
              dearer));
      text.line(
          "spread",
          String.format(
              Locale.ROOT,
              "your rounds gave %s to %s (%s)",
              times(decision.low()),
              times(decision.high()),
              decision.reason()));
      switch (decision.verdict()) {
        case PASS -> {}
        case FAIL ->
            text.tryNext(
                decision.ratio() < 1
                    ? cheaper
                        + " cost more than "
                        + dearer
                        + ", not less: check that it really avoids the work that makes "
                        + dearer
                        + " expensive"
                    : "find the work that "
                        + cheaper
                        + " still repeats on every call, and do it once or not at all");
        default ->
            text.tryNext(
                "nothing is wrong with your code as far as this check can tell; re-run the grade"
                    + " (--retry-unjudged 2) when the machine is quieter");
      }
      return text.message();
    }

    private static String times(double ratio) {
      return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String micros(double nanos) {
      return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }
  }

  private record Cost<R>(String what, long units, Callable<? extends R> run) {}

  private record Timed<R>(R answer, double perUnit) {}

  /** Configures a judge; every setter returns the builder. */
  public static final class Builder<R> {
    private Cost<R> cheaper;
    private Cost<R> dearer;
    private double factor = Double.NaN;
    private int minimumRounds = 7;
    private int maximumRounds = 21;
    private int warmup = 1;
    private Random random = new Random();
    private BiPredicate<R, R> sameAnswer;
    private LongSupplier clock = System::nanoTime;

    /** A: the way that must be cheaper, named for the student, for example "a thread creation". */
    public Builder<R> cheaper(String what, Callable<? extends R> run) {
      return cheaper(what, 1, run);
    }

    /** A, doing {@code units} units of work per call: its cost counts per unit. */
    public Builder<R> cheaper(String what, long units, Callable<? extends R> run) {
      this.cheaper = cost(what, units, run);
      return this;
    }

    /** B: the way A is compared with, for example "a process creation". */
    public Builder<R> than(String what, Callable<? extends R> run) {
      return than(what, 1, run);
    }

    /** B, doing {@code units} units of work per call: its cost counts per unit. */
    public Builder<R> than(String what, long units, Callable<? extends R> run) {
      this.dearer = cost(what, units, run);
      return this;
    }

    /** The factor k: B must cost at least k times as much as A. */
    public Builder<R> atLeast(double factor) {
      if (!(factor > 0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("factor " + factor + " out of range");
      }
      this.factor = factor;
      return this;
    }

    /** Rounds before the first decision (default 7, at least 3) and at most (default 21). */
    public Builder<R> rounds(int minimum, int maximum) {
      if (minimum < 3 || maximum < minimum) {
        throw new IllegalArgumentException("rounds " + minimum + " to " + maximum);
      }
      this.minimumRounds = minimum;
      this.maximumRounds = maximum;
      return this;
    }

    /** Untimed rounds first, so that both ways run compiled (default 1). */
    public Builder<R> warmup(int warmup) {
      this.warmup = Math.max(0, warmup);
      return this;
    }

    /** The source of each round's order: the check's seeded random. */
    public Builder<R> random(Random random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /** Optional: A's answer and B's answer in the same round must agree. */
    public Builder<R> sameAnswer(BiPredicate<R, R> sameAnswer) {
      this.sameAnswer = sameAnswer;
      return this;
    }

    /** The clock in nanoseconds; tests give a fake one. */
    Builder<R> clock(LongSupplier clock) {
      this.clock = clock;
      return this;
    }

    public Result judge() throws InterruptedException {
      Objects.requireNonNull(cheaper, "cheaper");
      Objects.requireNonNull(dearer, "than");
      if (Double.isNaN(factor)) {
        throw new IllegalStateException("atLeast(k) is required");
      }
      return new RatioJudge<>(this).judge();
    }

    private static <R> Cost<R> cost(String what, long units, Callable<? extends R> run) {
      if (units < 1) {
        throw new IllegalArgumentException("units " + units);
      }
      return new Cost<>(Objects.requireNonNull(what), units, Objects.requireNonNull(run));
    }
  }
}
