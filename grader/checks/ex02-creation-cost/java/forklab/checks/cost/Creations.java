package forklab.checks.cost;

import static forklab.checks.cost.GraderCreation.micros;
import static forklab.checks.cost.GraderCreation.millis;

import forklab.api.Feedback;
import forklab.api.watch.Descendants;
import forklab.checks.cost.GraderCreation.Started;
import forklab.cost.CreationCost;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Calls of the submission's threadNanos and processNanos, with what each call really started and
 * how long it really took, and the checks every such call must pass before its figure counts.
 */
final class Creations {
  /**
   * The figure may exceed the call's own wall time by this share and {@link #SLACK_NANOS}: a mean
   * of samples timed inside the call cannot be more than the call took divided by the samples.
   */
  private static final double WALL_SHARE = 1.02;

  private static final long SLACK_NANOS = 1_000_000;

  private Creations() {}

  /**
   * One call of the submission.
   *
   * @param method "threadNanos" or "processNanos"
   * @param samples the argument
   * @param figure what it returned, in nanoseconds
   * @param wallNanos how long the call took, by the grader's clock
   * @param threads platform threads started during the call
   * @param processes child processes started during the call, where this machine can count them
   * @param watched whether the grader watched the children of this JVM during the call
   * @param childrenSeen child processes the grader saw alive during the call, when it watched
   */
  record Call(
      String method,
      int samples,
      double figure,
      long wallNanos,
      long threads,
      OptionalLong processes,
      boolean watched,
      Set<Long> childrenSeen) {
    String call() {
      return method + "(" + samples + ")";
    }
  }

  /** Calls threadNanos(samples). */
  static Call threadNanos(int samples) {
    Started before = Started.before();
    long start = System.nanoTime();
    double figure = CreationCost.threadNanos(samples);
    long wall = System.nanoTime() - start;
    Started after = Started.after();
    return new Call(
        "threadNanos",
        samples,
        figure,
        wall,
        after.threadsSince(before),
        after.processesSince(before),
        false,
        Set.of());
  }

  /** Calls processNanos(samples), watching this JVM's children every millisecond if asked. */
  static Call processNanos(int samples, boolean watch) throws InterruptedException {
    if (!watch) {
      return processNanos(samples, null);
    }
    try (Descendants.Watch children = Descendants.Watch.start(Duration.ofMillis(1))) {
      return processNanos(samples, children);
    }
  }

  private static Call processNanos(int samples, Descendants.Watch children) {
    Started before = Started.before();
    long start = System.nanoTime();
    double figure = CreationCost.processNanos(samples);
    long wall = System.nanoTime() - start;
    Started after = Started.after();
    return new Call(
        "processNanos",
        samples,
        figure,
        wall,
        after.threadsSince(before),
        after.processesSince(before),
        children != null,
        children == null ? Set.of() : children.seen());
  }

  /** The figure is a time: finite and above zero. */
  static void requireATime(Call call) {
    Feedback.of(call.call() + " must return a mean time in nanoseconds")
        .measured(call.call() + " returned " + call.figure())
        .required("a finite number above 0")
        .tryNext(
            "add up System.nanoTime() differences of the timed samples and divide by samples, as a"
                + " double")
        .failUnless(Double.isFinite(call.figure()) && call.figure() > 0);
  }

  /** The figure fits in the call: samples times the mean is no more than the call took. */
  static void requireWithinTheCall(Call call) {
    double claimed = call.figure() * call.samples();
    Feedback.of(call.call() + " reported more time than the whole call took")
        .measured(
            "it returned a mean of "
                + micros(call.figure())
                + ", so "
                + call.samples()
                + " samples would take "
                + millis(claimed)
                + ", but the grader's clock saw the whole call take "
                + millis(call.wallNanos()))
        .required("samples x the mean you return at most the time the call took")
        .tryNext(
            "return what you measured: the sum of the System.nanoTime() differences around each"
                + " sample, divided by samples (not a number you picked, and not in other units)")
        .failUnless(claimed <= call.wallNanos() * WALL_SHARE + SLACK_NANOS);
  }

  /** At least one new platform thread per sample. */
  static void requireThreads(Call call) {
    Feedback.of(call.call() + " must create and start a new platform thread for every sample")
        .measured(
            "the JVM started "
                + call.threads()
                + " platform thread(s) during the call (virtual threads and pooled threads that"
                + " already existed do not count)")
        .required("at least " + call.samples() + " new platform thread(s), one per sample")
        .tryNext(
            "for every sample: Thread t = new Thread(() -> {}) (or Thread.ofPlatform().unstarted"
                + "(...)); t.start(); t.join(); and time those three steps. A pool reuses its"
                + " threads and a virtual thread is not a platform thread, so neither measures"
                + " what a new thread costs")
        .failUnless(call.threads() >= call.samples());
  }

  /**
   * At least one child process per sample. Where the machine cannot count process ids (not Linux),
   * at least one child seen alive when the grader watched, and nothing to go on when it did not.
   */
  static void requireProcesses(Call call) {
    OptionalLong counted = call.processes();
    boolean enough;
    String measured;
    if (counted.isPresent()) {
      enough = counted.getAsLong() >= call.samples();
      measured =
          "the machine gave out "
              + counted.getAsLong()
              + " process id(s) during the call besides those of the "
              + call.threads()
              + " platform thread(s) started meanwhile";
    } else {
      enough = !call.watched() || !call.childrenSeen().isEmpty();
      measured =
          "the grader, looking every millisecond, saw "
              + call.childrenSeen().size()
              + " child process(es) of this JVM alive during the call";
    }
    Feedback.of(call.call() + " must start a new child process for every sample")
        .measured(measured)
        .required(
            counted.isPresent()
                ? "at least " + call.samples() + " new process(es), one per sample"
                : "child processes of this JVM")
        .tryNext(
            "for every sample: new ProcessBuilder(\"true\").start().waitFor(), and time that; a"
                + " thread, or one process reused for all samples, is not what a process costs")
        .failUnless(enough);
  }
}
