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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Both servers give the right answers, and refuse bad requests with the right status. */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class AnswerChecks {
  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  /** How long a request may go unanswered before the checks say so. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 3,
      name =
          "both servers answer /work?n=N with the count of primes below N and /sleep?ms=M with"
              + " slept after M ms")
  void rightAnswers(Random random) throws Exception {
    // The slowest good answer, n = 50,000,000 in a sieve, takes about a second on a busy machine.
    List<String> wrong = new ArrayList<>();
    List<Integer> threadedNs = new ArrayList<>(List.of(0, 1, 2, 3));
    for (int i = 0; i < 5; i++) {
      threadedNs.add(4 + random.nextInt(2_000_000));
    }
    threadedNs.add(50_000_000); // the largest n allowed
    List<Integer> processNs = List.of(2, 3 + random.nextInt(100), 100 + random.nextInt(300_000));
    int threadedMs = 150 + random.nextInt(150);
    int processMs = 100 + random.nextInt(100);
    for (Model model : Model.values()) {
      try (Server server = model.start();
          Http http = new Http(server.port(), ANSWER_TIMEOUT)) {
        boolean hung = false;
        for (int n : model == Model.THREADED ? threadedNs : processNs) {
          String target = "/work?n=" + n;
          Http.Reply reply = http.get(target);
          String expected = Integer.toString(n == 50_000_000 ? 3_001_134 : Primes.below(n));
          if (reply.status() != 200 || !reply.body().strip().equals(expected)) {
            wrong.add(model + ": GET " + target + " gave " + reply.describe() + ", not 200 \"" + expected + "\"");
          }
          if (!reply.answered()) {
            hung = true; // a server that left one request unanswered is not asked again
            break;
          }
        }
        if (hung) {
          continue;
        }
        int ms = model == Model.THREADED ? threadedMs : processMs;
        Http.Reply slept = http.get("/sleep?ms=" + ms);
        if (slept.status() != 200 || !slept.body().strip().equals("slept")) {
          wrong.add(
              model + ": GET /sleep?ms=" + ms + " gave " + slept.describe() + ", not 200 \"slept\"");
        } else if (slept.nanos() < TimeUnit.MILLISECONDS.toNanos(ms)) {
          wrong.add(
              model
                  + ": GET /sleep?ms="
                  + ms
                  + " answered after "
                  + slept.millis()
                  + " ms, before the "
                  + ms
                  + " ms were over");
        }
      }
    }
    Feedback.of("the servers must answer every good request right")
        .measured(wrong.isEmpty() ? "every answer right" : Texts.shorten(wrong, 4))
        .required(
            "GET /work?n=N (0 <= N <= 50,000,000): 200 with the number of primes below N as the"
                + " body (0 for N <= 2; 25 for 100; 3,001,134 for 50,000,000); GET /sleep?ms=M: 200"
                + " \"slept\", sent only after M ms")
        .tryNext(
            "count the primes strictly below N (a sieve of Eratosthenes: a BitSet of N bits is"
                + " 6 MB for the largest N), write the count alone as the body, and answer"
                + " /sleep only after Thread.sleep(M) has returned")
        .failUnless(wrong.isEmpty());
  }

  /** A request and the status it must get. */
  private record Bad(String method, String target, int status, String kind) {
    String describe() {
      return method + " " + target;
    }
  }

  private static final List<Bad> BAD =
      List.of(
          new Bad("GET", "/work", 400, "missing"),
          new Bad("GET", "/work?n=", 400, "missing"),
          new Bad("GET", "/work?m=5", 400, "missing"),
          new Bad("GET", "/sleep", 400, "missing"),
          new Bad("GET", "/work?n=abc", 400, "malformed"),
          new Bad("GET", "/work?n=2.5", 400, "malformed"),
          new Bad("GET", "/work?n=99999999999999999999", 400, "malformed"),
          new Bad("GET", "/sleep?ms=soon", 400, "malformed"),
          new Bad("GET", "/work?n=-1", 400, "range"),
          new Bad("GET", "/work?n=50000001", 400, "range"),
          new Bad("GET", "/sleep?ms=60001", 400, "range"),
          new Bad("GET", "/sleep?ms=-5", 400, "range"),
          new Bad("GET", "/", 404, "path"),
          new Bad("GET", "/nothing-here", 404, "path"),
          new Bad("GET", "/work/more?n=5", 404, "prefix"),
          new Bad("GET", "/sleepy?ms=1", 404, "prefix"),
          new Bad("GET", "/workers?n=5", 404, "prefix"),
          new Bad("POST", "/work?n=10", 405, "method"),
          new Bad("DELETE", "/sleep?ms=1", 405, "method"),
          new Bad("PUT", "/work?n=10", 405, "method"));

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name =
          "bad requests get 400, unknown paths 404, other methods 405, and the server keeps"
              + " serving")
  void badRequests(Random random) throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Model model : Model.values()) {
      List<Bad> requests = new ArrayList<>();
      if (model == Model.THREADED) {
        requests.addAll(BAD);
      } else {
        // A child JVM per request: one request of each kind, picked by the seed.
        for (String kind : List.of("missing", "malformed", "range", "path", "prefix", "method")) {
          List<Bad> ofKind = BAD.stream().filter(bad -> bad.kind().equals(kind)).toList();
          requests.add(ofKind.get(random.nextInt(ofKind.size())));
        }
      }
      try (Server server = model.start();
          Http http = new Http(server.port(), Duration.ofSeconds(30))) {
        for (Bad bad : requests) {
          Http.Reply reply = http.send(bad.method(), bad.target());
          if (reply.status() != bad.status()) {
            wrong.add(
                model + ": " + bad.describe() + " gave " + reply.describe() + ", not " + bad.status());
          }
        }
        Http.Reply after = http.get("/work?n=100");
        if (after.status() != 200 || !after.body().strip().equals("25")) {
          wrong.add(
              model
                  + ": after the bad requests, GET /work?n=100 gave "
                  + after.describe()
                  + ", not 200 \"25\"");
        }
      }
    }
    Feedback.of("a bad request must get the status that says what is wrong, and nothing worse")
        .measured(wrong.isEmpty() ? "every status right" : Texts.shorten(wrong, 4))
        .required(
            "400 for /work or /sleep with a missing, malformed or out-of-range number (n from 0 to"
                + " 50,000,000, ms from 0 to 60,000); 404 for any other path, /work/more and"
                + " /workers included; 405 for a method other than GET; and the server still"
                + " answers GET /work?n=100 afterwards")
        .tryNext(
            "compare exchange.getRequestURI().getPath() with the exact paths (createContext"
                + " matches by prefix: a context \"/work\" also gets /workers), check the method"
                + " first, and catch NumberFormatException from Integer.parseInt to answer 400")
        .failUnless(wrong.isEmpty());
  }
}
