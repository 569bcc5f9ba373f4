package forklab.api;

import java.util.Locale;

/** What a graded check is about. The report groups scores by goal. */
public enum Goal {
  CORRECTNESS,
  CONCURRENCY,
  ISOLATION,
  SPEEDUP,
  ARCHITECTURE,
  COMPILE;

  /** The lower-case name used in reports, for example {@code speedup}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The goal whose {@link #id()} is {@code id}, ignoring case. */
  public static Goal fromId(String id) {
    for (Goal goal : values()) {
      if (goal.id().equalsIgnoreCase(id.trim())) {
        return goal;
      }
    }
    throw new IllegalArgumentException(
        "unknown goal '"
            + id
            + "'; the goals are correctness, concurrency,"
            + " isolation, speedup, architecture and compile");
  }
}
