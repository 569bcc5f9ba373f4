package forklab.checks.server;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Measured;
import forklab.api.watch.Descendants;
import forklab.api.Goal;
import forklab.server.Server;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Closing: the port given is the one used, close() frees it at once, and it may be called twice. */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class CloseChecks {
  /** Another loopback address: a server bound to 127.0.0.1 alone does not answer on it. */
  private static final String OTHER_LOOPBACK = "127.0.0.2";

  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "close stops accepting at once, frees the port and may be called again, in both models")
  void closeFreesThePort() throws Exception {
    List<String> wrong = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Model model : Model.values()) {
      int port = freePort();
      Server server = model.start(port);
      try {
        if (server.port() != port) {
          wrong.add(model + "(" + port + ").port() = " + server.port() + ", not " + port);
        }
        try (Http http = new Http(server.port(), Duration.ofSeconds(30))) {
          Http.Reply reply = http.get("/work?n=10");
          if (reply.status() != 200) {
            wrong.add(model + ": GET /work?n=10 gave " + reply.describe() + " before close()");
          }
        }
      } finally {
        server.close();
      }
      // Right after close() has returned: nobody answers, and the port can be bound again.
      if (connects("127.0.0.1", port)) {
        wrong.add(model + ": after close(), a connection to 127.0.0.1:" + port + " was still accepted");
      }
      try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
        seen.add(model + ": port " + port + " bound again right after close()");
      } catch (IOException e) {
        wrong.add(model + ": right after close(), port " + port + " could not be bound again (" + e.getMessage() + ")");
      }
      try {
        server.close();
      } catch (RuntimeException e) {
        wrong.add(model + ": a second close() threw " + e);
      }
    }
    Feedback.of("close() must stop the server for good, at once, and may be called twice")
        .measured(wrong.isEmpty() ? String.join("; ", seen) : Texts.shorten(wrong, 4))
        .required(
            "the server listens on the port it was given; once close() has returned, no"
                + " connection is accepted and new ServerSocket(port) succeeds; a second close()"
                + " does nothing")
        .tryNext(
            "in close(), call httpServer.stop(0) (it closes the listening socket before it"
                + " returns), then shut down your executor; remember that you closed, and return"
                + " at once the second time")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(goal = Goal.CORRECTNESS, points = 1, name = "both servers listen on 127.0.0.1 only")
  void loopbackOnly() throws Exception {
    // The control: can this machine reach a wildcard listener through the other address at all?
    try (ServerSocket wildcard = new ServerSocket()) {
      wildcard.bind(new InetSocketAddress(0));
      if (!connects(OTHER_LOOPBACK, wildcard.getLocalPort())) {
        Measured.notJudgedHere(
            "this machine does not route " + OTHER_LOOPBACK + " to itself, so it cannot tell");
      }
    }
    List<String> wrong = new ArrayList<>();
    for (Model model : Model.values()) {
      try (Server server = model.start()) {
        if (!connects("127.0.0.1", server.port())) {
          wrong.add(model + " accepts no connection on 127.0.0.1:" + server.port());
        }
        if (connects(OTHER_LOOPBACK, server.port())) {
          wrong.add(
              model
                  + " also accepts connections on "
                  + OTHER_LOOPBACK
                  + ":"
                  + server.port()
                  + ": it listens on every address (0.0.0.0), so other machines could reach it");
        }
      }
    }
    Feedback.of("a server for this machine alone must listen on the loopback address only")
        .measured(wrong.isEmpty() ? "both listen on 127.0.0.1 only" : String.join("; ", wrong))
        .required("connections to 127.0.0.1:port accepted, to " + OTHER_LOOPBACK + ":port refused")
        .tryNext(
            "create the server with HttpServer.create(new"
                + " InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog); new"
                + " InetSocketAddress(port) alone means every address of the machine")
        .failUnless(wrong.isEmpty());
  }

  /** A port that was free a moment ago. */
  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private static boolean connects(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
