package forklab.sandbox;

/** The sandbox failed (no engine, image missing, container died): an infrastructure error. */
public final class SandboxException extends Exception {
  public SandboxException(String message) {
    super(message);
  }

  public SandboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
