package forklab.score;

/**
 * Feedback for checks whose result may have been lost because output written past {@code
 * System.out} broke the runner's report lines (see {@link forklab.run.FrameLoss}).
 */
final class LostResults {
  private static final String CAUSE =
      "output written straight to the process's standard output (not through" + " System.out)";
  private static final String TRY_NEXT =
      "\n  try next: print with System.out, never to FileDescriptor.out; stop the"
          + " threads you start before your method returns; let no child process inherit the output"
          + " (ProcessBuilder.inheritIO)";

  private LostResults() {}

  /** The check ran and its result frame was lost. */
  static String lost() {
    return "the result of this check was lost, so it earns no points: "
        + CAUSE
        + ", by your code or a process it"
        + " started, garbled the line on which the grader reported it"
        + TRY_NEXT;
  }

  /**
   * The JVM ended while the check was running, or after its result was lost: the frames cannot
   * tell.
   */
  static String endedOrLost(int exitCode) {
    return "did not finish, or its result was lost: the JVM running the checks ended (exit code "
        + exitCode
        + ") without a result for this check, after "
        + CAUSE
        + " garbled or imitated the grader's report lines"
        + TRY_NEXT
        + "; do not call System.exit or Runtime.halt";
  }

  /**
   * The check has no frame at all: it never ran because of {@code culprit}, or both its frames were
   * lost.
   */
  static String neverRanOrLost(String culprit) {
    return "no result: either this check never got its turn because "
        + culprit
        + ", or its result was lost because "
        + CAUSE
        + " garbled the grader's report lines"
        + TRY_NEXT;
  }

  /** The exercise's note when frames were lost. */
  static String note() {
    return CAUSE
        + " garbled some of the grader's report lines; a check whose result was lost earns no points, as its"
        + " feedback says";
  }

  /** The exercise's note when lines after the last genuine frame could not be verified. */
  static String unverifiedNote() {
    return "lines written straight to the process's standard output (not through System.out) looked like the"
        + " grader's report lines but could not be verified, and were ignored: imitations, or report lines that other"
        + " output garbled; printing cannot change a result";
  }
}
