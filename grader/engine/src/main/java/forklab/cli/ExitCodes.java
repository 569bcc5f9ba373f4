package forklab.cli;

/** The exit statuses that CONTRACT.md promises. */
public final class ExitCodes {
  /** Graded, whatever the score. */
  public static final int GRADED = 0;

  /** Graded, but the score is below {@code --fail-under}; for verify, an expectation failed. */
  public static final int BELOW_THRESHOLD = 1;

  /** Bad usage or an unreadable submission. */
  public static final int USAGE = 2;

  /** Infrastructure error: no score was given. */
  public static final int INFRASTRUCTURE = 3;

  private ExitCodes() {}
}
