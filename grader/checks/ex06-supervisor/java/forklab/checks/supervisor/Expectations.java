package forklab.checks.supervisor;

import forklab.fixtures.supervisor.Detaches;
import forklab.fixtures.supervisor.Digest;
import forklab.fixtures.supervisor.Floods;
import forklab.fixtures.supervisor.Multiline;
import forklab.fixtures.supervisor.Naps;
import forklab.fixtures.supervisor.Overflows;
import forklab.fixtures.supervisor.Reverse;
import forklab.fixtures.supervisor.Throws;
import forklab.fixtures.supervisor.ThrowsChecked;
import forklab.supervisor.Task;

/** What the fixtures must give for an input: the checks' own answers, never the fixtures'. */
final class Expectations {
  private Expectations() {}

  /** The output of a task that returns. */
  static String okOutput(Class<? extends Task> task, String input) {
    String word = Runs.word(input);
    int code = Runs.code(input);
    if (task == Reverse.class || task == Floods.class) {
      return new StringBuilder(input).reverse().toString();
    }
    if (task == Multiline.class) {
      return "word: " + word + "\ncode × 2 → " + 2 * code + "\n\tünïcødé ✓";
    }
    if (task == Digest.class) {
      return Integer.toHexString(input.hashCode() * 31 + code) + ":" + input.length();
    }
    if (task == Naps.class) {
      return "napped " + word;
    }
    if (task == Detaches.class) {
      return "detached " + word;
    }
    throw new IllegalArgumentException("no OK output known for " + task);
  }

  /** The output of a task that throws: the Throwable's toString(). */
  static String failure(Class<? extends Task> task, String input) {
    if (task == Throws.class) {
      return "java.lang.IllegalStateException: cannot handle " + Runs.word(input);
    }
    if (task == ThrowsChecked.class) {
      return "java.io.IOException: no disk number " + Runs.code(input);
    }
    if (task == Overflows.class) {
      return "java.lang.StackOverflowError";
    }
    throw new IllegalArgumentException("no failure known for " + task);
  }
}
