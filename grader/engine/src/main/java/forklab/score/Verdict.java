package forklab.score;

import java.util.Locale;

/** The outcome of one graded check. */
public enum Verdict {
  /** The check passed and earned its points. */
  PASS,
  /** The submission failed the check. */
  FAIL,
  /** The machine could not judge the goal here (for example one CPU); no points, no failure. */
  NOT_JUDGED,
  /** The check itself could not run for a reason that is not the student's (infrastructure). */
  ERROR;

  /**
   * The lower-case name used in reports: {@code pass}, {@code fail}, {@code not_judged}, {@code
   * error}.
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
