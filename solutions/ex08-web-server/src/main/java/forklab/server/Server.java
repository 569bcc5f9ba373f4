package forklab.server;

/**
 * A running HTTP server on 127.0.0.1. {@link #close()} stops it: it is idempotent, stops accepting
 * at once, frees the port and ends every child process the server started.
 */
public interface Server extends AutoCloseable {
  /** The port the server listens on, on 127.0.0.1 (the one chosen when it was created with 0). */
  int port();

  @Override
  void close();
}
