package forklab.api;

import java.util.Arrays;
import java.util.Locale;

/** What a graded check is about. The report groups scores by goal. */
public enum Goal {
  CORRECTNESS("right answers (the default for public tests)"),
  CONCURRENCY("safe sharing between threads or processes"),
  ISOLATION("processes that do not share what threads do"),
  SPEEDUP("a measured speedup over the sequential baseline"),
  ARCHITECTURE("structure, with ArchUnit"),
  COMPILE("compiling (the grader's own; always checked)");

  private final String description;

  Goal(String description) {
    this.description = description;
  }

  /** What a check of this goal judges, one short phrase. */
  public String description() {
    return description;
  }

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
            + "'; the goals are "
            + String.join(", ", Arrays.stream(values()).map(Goal::id).toList()));
  }
}
