package forklab.protocol;

/** A text that is not what the protocol allows: not JSON, an unknown type or property, a gap. */
public final class ProtocolException extends Exception {
  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
