package forklab.server;

/**
 * The two ways to serve a request: a virtual thread of this JVM per request, or a child process
 * per request (the CGI model). See the exercise's README.md.
 *
 * <p>Both servers speak HTTP/1.1 on 127.0.0.1 and answer the same routes: {@code GET /work?n=N}
 * (the count of primes below N), {@code GET /sleep?ms=M} ("slept" after M ms) and {@code GET
 * /crash} (the handler throws an {@code Error}; the client gets 500). Every response carries the
 * header {@code X-Pid}: the pid of the process that computed it.
 *
 * <p>The children of {@link #processPerRequest} need a program to run: add a class with a {@code
 * main} method to this package (for example {@code ChildMain}) and start it as {@code <java of this
 * JVM> -cp <System.getProperty("java.class.path")> forklab.server.ChildMain}.
 */
public final class Servers {
  private Servers() {}

  /**
   * Starts a server on 127.0.0.1 at {@code port} (0: any free port) that runs every request on a
   * virtual thread of its own (an executor of virtual threads given to {@code
   * HttpServer.setExecutor}).
   */
  public static Server threaded(int port) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a server on 127.0.0.1 at {@code port} (0: any free port) that answers every request in
   * a child process of its own, started for that request alone (the CGI model).
   */
  public static Server processPerRequest(int port) {
    throw new UnsupportedOperationException("TODO");
  }
}
