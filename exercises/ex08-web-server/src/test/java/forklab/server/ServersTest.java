package forklab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The public tests of ex08-web-server. Each one that passes earns a point; the hidden checks then
 * judge the same goals more thoroughly (random inputs, bad requests, crashes, 200 clients at once,
 * the cost ratio, children, architecture).
 */
class ServersTest {

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  @DisplayName("threaded answers GET /work?n=100 with 25, the primes below 100")
  void threadedCountsPrimes() throws Exception {
    try (Server server = Servers.threaded(0)) {
      HttpResponse<String> response = get(server, "/work?n=100");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body().strip()).isEqualTo("25");
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  @DisplayName("processPerRequest answers GET /work?n=10 with 4, from a child process")
  void processPerRequestCountsPrimes() throws Exception {
    try (Server server = Servers.processPerRequest(0)) {
      HttpResponse<String> response = get(server, "/work?n=10");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body().strip()).isEqualTo("4");
      assertThat(response.headers().firstValue("X-Pid"))
          .isPresent()
          .get()
          .isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  @DisplayName("threaded answers 404 for an unknown path and 400 for a bad number")
  void threadedRefusesBadRequests() throws Exception {
    try (Server server = Servers.threaded(0)) {
      assertThat(get(server, "/nothing-here").statusCode()).isEqualTo(404);
      assertThat(get(server, "/work?n=lots").statusCode()).isEqualTo(400);
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  @DisplayName("once threaded is closed, its port can be bound again")
  void closeFreesThePort() throws Exception {
    Server server = Servers.threaded(0);
    int port = server.port();
    get(server, "/work?n=10");

    server.close();

    try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  private static HttpResponse<String> get(Server server, String pathAndQuery) throws Exception {
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
              .timeout(Duration.ofSeconds(15))
              .GET()
              .build();
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
