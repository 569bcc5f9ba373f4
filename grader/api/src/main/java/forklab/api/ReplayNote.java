package forklab.api;

/**
 * How to replay a failed check's random inputs, attached to the failure as a suppressed exception,
 * so that the failure itself keeps its own type and words (a skeleton's {@code TODO} still reads as
 * "not implemented yet"). Reports print its message as a last line of the failure.
 */
public final class ReplayNote extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReplayNote(String message) {
    super(message, null, false, false);
  }
}
