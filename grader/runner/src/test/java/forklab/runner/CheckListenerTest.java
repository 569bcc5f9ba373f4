package forklab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

class CheckListenerTest {
  @Test
  void aSkeletonsTodoReadsAsNotImplementedYetWithWhereItIs() {
    UnsupportedOperationException todo = new UnsupportedOperationException("TODO");
    todo.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("forklab.workers.Workers", "inThreads", "Workers.java", 20)
        });

    assertThat(CheckListener.describe(todo))
        .isEqualTo(
            "not implemented yet: the code still throws UnsupportedOperationException(\"TODO\")"
                + " (at forklab.workers.Workers.inThreads(Workers.java:20))"
                + System.lineSeparator()
                + "  try next: replace that TODO with your implementation");
  }

  @Test
  void anyOtherExceptionNamesItsTypeMessageAndPlace() {
    IllegalStateException thrown = new IllegalStateException("pool closed");
    thrown.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "forklab.primes.PrimeCounter", "countParallel", "PrimeCounter.java", 42)
        });

    assertThat(CheckListener.describe(thrown))
        .isEqualTo(
            "your code threw java.lang.IllegalStateException: pool closed"
                + " (at forklab.primes.PrimeCounter.countParallel(PrimeCounter.java:42))");
  }

  @Test
  void aJunitTimeoutSaysTheCodeNeverFinishedNotThatItThrew() {
    var thrown =
        new java.util.concurrent.TimeoutException(
            "rightAnswers(java.util.Random) timed out after 90 seconds");
    thrown.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("forklab.server.Routes", "answer", "Routes.java", 40)
        });

    assertThat(CheckListener.describe(thrown))
        .startsWith(
            "the check timed out after 90 seconds: your code was still running"
                + " (at forklab.server.Routes.answer(Routes.java:40))")
        .contains("try next: look for a call that never returns")
        .doesNotContain("your code threw");
  }

  @Test
  void anAssertionKeepsItsMessageButOnlyTheFirstStackLineALibraryPastedIntoIt() {
    AssertionError assertion =
        new AssertionError(
            String.join(
                "\n",
                "Expecting actual throwable to be an instance of:",
                "  java.util.concurrent.ExecutionException",
                "but was:",
                "  java.lang.IllegalStateException: boom",
                "\tat forklab.workers.Workers.inThreads(Workers.java:20)",
                "\tat org.assertj.core.api.ThrowableAssert.catchThrowable(ThrowableAssert.java:66)",
                "\t...(16 remaining lines not displayed - this can be changed with Assertions.setMaxStackTraceElementsDisplayed)"));

    assertThat(CheckListener.describe(assertion))
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "Expecting actual throwable to be an instance of:",
                "  java.util.concurrent.ExecutionException",
                "but was:",
                "  java.lang.IllegalStateException: boom",
                "\tat forklab.workers.Workers.inThreads(Workers.java:20)"));
  }

  @Test
  void aHugeMessageIsCutBeforeItIsSentAndNeverInsideASurrogatePair() {
    String thread = "\uD83E\uDDF5";
    AssertionError assertion = new AssertionError("x" + thread.repeat(300_000));

    // 16,384 chars would end inside a pair, so 'x' and 8,191 pairs are kept.
    assertThat(CheckListener.describe(TestExecutionResult.failed(assertion)))
        .isEqualTo("x" + thread.repeat(8_191) + "\n[... cut]");
  }
}
