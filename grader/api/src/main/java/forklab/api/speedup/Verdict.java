package forklab.api.speedup;

/** The three answers of the judge. */
public enum Verdict {
  PASS,
  FAIL,
  NOT_JUDGED_HERE
}
