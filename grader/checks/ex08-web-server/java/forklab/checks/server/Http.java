package forklab.checks.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The checks' HTTP client: HTTP/1.1 to 127.0.0.1, on virtual threads so that the client is never
 * the bottleneck. A request that gets no response at all (the connection closed, refused, timed
 * out) is a {@link Reply} with status -1 and what happened, so that feedback can say so.
 */
final class Http implements AutoCloseable {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(executor)
          .build();
  private final int port;
  private final Duration timeout;

  Http(int port, Duration timeout) {
    this.port = port;
    this.timeout = timeout;
  }

  /**
   * What the server answered, or status -1 and why not.
   *
   * @param status the HTTP status, or -1 for no response
   * @param body the body, or what went wrong
   * @param pid the X-Pid header, if there was one that is a number
   * @param nanos how long the request took
   */
  record Reply(int status, String body, OptionalLong pid, long nanos) {
    boolean answered() {
      return status >= 0;
    }

    /** "200 "25"", or "no response (...)", for feedback. */
    String describe() {
      if (!answered()) {
        return "no response (" + body + ")";
      }
      String text = body.strip();
      return status + " \"" + (text.length() <= 60 ? text : text.substring(0, 60) + "...") + "\"";
    }

    long millis() {
      return nanos / 1_000_000;
    }
  }

  /** GET {@code target} (a path and query, such as /work?n=10). */
  Reply get(String target) throws InterruptedException {
    return send("GET", target);
  }

  /** {@code method} {@code target}, without a body. */
  Reply send(String method, String target) throws InterruptedException {
    long start = System.nanoTime();
    try {
      return reply(client.send(request(method, target), HttpResponse.BodyHandlers.ofString()), start);
    } catch (IOException | IllegalArgumentException e) {
      return failed(e, start);
    }
  }

  /** GET {@code target} without waiting: the future never fails, it gives a reply. */
  CompletableFuture<Reply> getAsync(String target) {
    long start = System.nanoTime();
    return client
        .sendAsync(request("GET", target), HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, thrown) ->
                thrown == null ? reply(response, start) : failed(unwrap(thrown), start));
  }

  private HttpRequest request(String method, String target) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
        .timeout(timeout)
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private static Reply reply(HttpResponse<String> response, long start) {
    long nanos = System.nanoTime() - start;
    OptionalLong pid = OptionalLong.empty();
    var header = response.headers().firstValue("X-Pid");
    if (header.isPresent()) {
      try {
        pid = OptionalLong.of(Long.parseLong(header.get().strip()));
      } catch (NumberFormatException e) {
        // not a pid: left empty, and the checks that need one say so
      }
    }
    return new Reply(response.statusCode(), response.body(), pid, nanos);
  }

  private static Reply failed(Throwable thrown, long start) {
    String what = thrown.getClass().getSimpleName();
    String message = thrown.getMessage();
    return new Reply(
        -1,
        message == null ? what : what + ": " + message.toLowerCase(Locale.ROOT),
        OptionalLong.empty(),
        System.nanoTime() - start);
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable cause = thrown;
    while (cause.getCause() != null
        && (cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Override
  public void close() {
    client.shutdownNow();
    executor.shutdownNow();
  }
}
