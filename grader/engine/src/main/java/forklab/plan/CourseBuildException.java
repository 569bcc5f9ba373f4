package forklab.plan;

/** The course itself is broken (a check does not compile, a hidden check has no points). */
public final class CourseBuildException extends Exception {
  public CourseBuildException(String message) {
    super(message);
  }
}
