package forklab.discover;

/** The submission cannot be read at all (exit status 2), as opposed to one bad exercise. */
public final class SubmissionException extends Exception {
  public SubmissionException(String message) {
    super(message);
  }
}
