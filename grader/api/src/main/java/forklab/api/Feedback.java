package forklab.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Words a failed check the way a tired student can act on: what was checked, what was measured,
 * what was required and what to try next.
 *
 * <pre>{@code
 * Feedback.of("the five workers did not overlap")
 *     .measured("1,512 ms for 5 workers sleeping 300 ms")
 *     .required("under 900 ms")
 *     .tryNext("start every thread before you join any of them")
 *     .failUnless(elapsed < 900);
 * }</pre>
 */
public final class Feedback {
  /**
   * The label of a step: reports show the steps of a failed check with its measured and required
   * lines, in order.
   */
  public static final String STEP = "step";

  private final String what;
  private final List<String> lines = new ArrayList<>();

  private Feedback(String what) {
    this.what = what;
  }

  /** Starts a message about {@code what}, a short sentence without a final period. */
  public static Feedback of(String what) {
    return new Feedback(what);
  }

  public Feedback measured(String value) {
    return line("measured", value);
  }

  public Feedback required(String value) {
    return line("required", value);
  }

  public Feedback tryNext(String advice) {
    return line("try next", advice);
  }

  /**
   * Adds one step of what led to the failure, such as a thread's call in a model checker's
   * interleaving; reports show the steps in order, beside what was measured.
   */
  public Feedback step(String step) {
    return line(STEP, step);
  }

  /** Adds a labelled line such as {@code seed: 42}. */
  public Feedback line(String label, String value) {
    lines.add(label + ": " + value);
    return this;
  }

  /** The whole message. */
  public String message() {
    StringBuilder text = new StringBuilder(what);
    for (String line : lines) {
      text.append(System.lineSeparator()).append("  ").append(line);
    }
    return text.toString();
  }

  /** Throws an {@link AssertionError} carrying {@link #message()} unless {@code ok}. */
  public void failUnless(boolean ok) {
    if (!ok) {
      throw new AssertionError(message());
    }
  }

  /** Throws an {@link AssertionError} carrying {@link #message()}. */
  public AssertionError fail() {
    throw new AssertionError(message());
  }

  @Override
  public String toString() {
    return message();
  }
}
