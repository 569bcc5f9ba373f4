package forklab.checks.server;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.watch.Descendants;
import forklab.server.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A handler that fails fatally ends its own request with a 500, never the server: in a thread of
 * the server's JVM by catching what it throws, in a child process because only the child dies.
 */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class CrashChecks {
  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.ISOLATION,
      points = 2,
      name = "/crash gets a 500 and the server keeps serving, in both models")
  void crashIsIsolated(Random random) throws Exception {
    List<String> wrong = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Model model : Model.values()) {
      try (Server server = model.start();
          Http http = new Http(server.port(), Duration.ofSeconds(30))) {
        for (int round = 0; round < 2; round++) {
          Http.Reply crash = http.get("/crash");
          int n = 100 + random.nextInt(10_000);
          Http.Reply work = http.get("/work?n=" + n);
          String expected = Integer.toString(Primes.below(n));
          seen.add(model + ": /crash " + crash.describe() + ", then /work?n=" + n + " " + work.describe());
          if (crash.status() != 500) {
            wrong.add(model + ": GET /crash gave " + crash.describe() + ", not 500");
          }
          if (work.status() != 200 || !work.body().strip().equals(expected)) {
            wrong.add(
                model
                    + ": after /crash, GET /work?n="
                    + n
                    + " gave "
                    + work.describe()
                    + ", not 200 \""
                    + expected
                    + "\"");
          }
        }
        if (model == Model.THREADED) {
          // Crashes side by side with good requests: each ends only its own request.
          List<CompletableFuture<Http.Reply>> crashes = new ArrayList<>();
          for (int i = 0; i < 8; i++) {
            crashes.add(http.getAsync("/crash"));
          }
          Http.Reply work = http.get("/work?n=1000");
          for (CompletableFuture<Http.Reply> crash : crashes) {
            Http.Reply reply = crash.get(30, TimeUnit.SECONDS);
            if (reply.status() != 500) {
              wrong.add(model + ": one of 8 GET /crash at once gave " + reply.describe() + ", not 500");
              break;
            }
          }
          if (work.status() != 200 || !work.body().strip().equals("168")) {
            wrong.add(
                model + ": beside 8 crashes, GET /work?n=1000 gave " + work.describe() + ", not 200 \"168\"");
          }
        }
      }
    }
    Feedback.of("a request that crashes its handler must get a 500, and the others their answers")
        .measured(wrong.isEmpty() ? Texts.shorten(seen, 4) : Texts.shorten(wrong, 4))
        .required(
            "GET /crash: status 500 (an answer, not a closed connection), and right answers to the"
                + " next requests, in both models")
        .tryNext(
            "in threaded, wrap the handler's work in try { ... } catch (RuntimeException | Error e)"
                + " and send 500 yourself: an exception escaping HttpHandler.handle makes"
                + " HttpServer close the connection without any answer; in processPerRequest, the"
                + " child dies of the Error: answer 500 when its exit code is not 0")
        .failUnless(wrong.isEmpty());
  }
}
