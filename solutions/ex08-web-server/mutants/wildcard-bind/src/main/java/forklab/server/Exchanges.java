package forklab.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** What both servers share: binding to 127.0.0.1, and sending a {@link Response}. */
final class Exchanges {
  /**
   * Connections that may wait to be accepted: a burst of a few hundred clients connecting at once
   * must not overflow it (the system default, 50, would make the rest retry a second later).
   */
  private static final int BACKLOG = 1_024;

  private Exchanges() {}

  /** An HTTP server bound to 127.0.0.1 only (loopback: no other machine can reach it). */
  static HttpServer bind(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is not from 0 to 65535");
    }
    try {
      return HttpServer.create(
          new InetSocketAddress(port), BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /**
   * Sends {@code response} with the header {@code X-Pid: pid}, the process that computed it, and
   * ends the exchange.
   */
  static void send(HttpExchange exchange, Response response, long pid) throws IOException {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/plain; charset=utf-8");
    headers.set("X-Pid", Long.toString(pid));
    if (response.status() == 405) {
      headers.set("Allow", "GET");
    }
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
