package forklab.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A virtual thread per request: the HTTP server hands every exchange to an executor that starts a
 * new virtual thread for it, so that a request that sleeps or waits holds no platform thread.
 */
final class ThreadedServer implements Server {
  private static final long PID = ProcessHandle.current().pid();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private boolean closed;

  private ThreadedServer(int port) {
    server = Exchanges.bind(port);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static ThreadedServer start(int port) {
    return new ThreadedServer(port);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response;
      try {
        response = Routes.answer(exchange.getRequestMethod(), exchange.getRequestURI());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        response = Response.failed("the server is closing");
      } catch (RuntimeException e) {
        // A failing handler ends its own request with a 500, never the server: this thread is
        // this request's alone, and nothing else it shares was left half-changed.
        response = Response.failed("the handler failed: " + e);
      }
      Exchanges.send(exchange, response, PID);
    }
  }

  @Override
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    server.stop(0); // closes the listening socket at once: the port is free when this returns
    executor.shutdownNow(); // interrupts requests still sleeping
  }
}
