package forklab.checks.server;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measurement;
import forklab.api.Stats;
import forklab.server.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The lesson of a virtual thread per request: 200 clients that each wait 200 ms in the server are
 * all answered in about 200 ms, because a sleeping virtual thread holds no platform thread. A
 * pool of a few platform threads answers them a few at a time. Here the wall-clock bound is the
 * goal itself.
 */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class LatencyChecks {
  static final int CLIENTS = 200;
  static final int SLEEP_MS = 200;
  static final long BOUND_MS = 1_500;
  private static final int ATTEMPTS = 3;

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 3,
      name = "threaded answers 200 concurrent /sleep?ms=200 requests within 1.5 s")
  void twoHundredAtOnce(TestReporter reporter) throws Exception {
    List<Long> totals = new ArrayList<>();
    String target = "/sleep?ms=" + SLEEP_MS;
    try (Server server = Model.THREADED.start();
        Http http = new Http(server.port(), Duration.ofSeconds(30))) {
      // Warm up the server, the client and their connections: the first burst pays for class
      // loading and compilation, which is not what this goal is about.
      for (int i = 0; i < 2; i++) {
        burst(http, "/sleep?ms=1", CLIENTS / 2);
      }
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        long start = System.nanoTime();
        List<Http.Reply> replies = burst(http, target, CLIENTS);
        long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        totals.add(totalMs);
        List<String> wrong = new ArrayList<>();
        long early = 0;
        for (Http.Reply reply : replies) {
          if (reply.status() != 200 || !reply.body().strip().equals("slept")) {
            wrong.add(reply.describe());
          } else if (reply.nanos() < TimeUnit.MILLISECONDS.toNanos(SLEEP_MS)) {
            early++;
          }
        }
        Feedback.of("every one of " + CLIENTS + " GET " + target + " at once must be answered right")
            .measured(
                wrong.size()
                    + " of "
                    + CLIENTS
                    + " wrong"
                    + (wrong.isEmpty() ? "" : ", for example " + Texts.shorten(wrong, 2))
                    + "; "
                    + early
                    + " answered before "
                    + SLEEP_MS
                    + " ms")
            .required("200 \"slept\", each after " + SLEEP_MS + " ms at least")
            .tryNext(
                "make GET /sleep?ms=M answer 200 \"slept\" after Thread.sleep(M); with many"
                    + " clients at once, give HttpServer.create a backlog of a few hundred so that"
                    + " no connection waits to be accepted")
            .failUnless(wrong.isEmpty() && early == 0);
        if (totalMs <= BOUND_MS) {
          break;
        }
      }
    }
    long best = totals.stream().mapToLong(Long::longValue).min().orElseThrow();
    Measurement.of(best, "ms")
        .atMost(BOUND_MS)
        .limit("one sleep", SLEEP_MS)
        .limit("one after another", (double) CLIENTS * SLEEP_MS)
        .detail("attempts", totals.stream().map(ms -> ms + " ms").toList())
        .detail("median", Stats.median(totals.stream().mapToDouble(Long::doubleValue).toArray()) + " ms")
        .publish(reporter);
    Feedback.of(CLIENTS + " requests that each wait " + SLEEP_MS + " ms in the server must overlap")
        .measured(
            "the last of "
                + CLIENTS
                + " GET "
                + target
                + " sent at once was answered after "
                + best
                + " ms at best (attempts: "
                + totals
                + " ms); one after another would take "
                + Texts.number((long) CLIENTS * SLEEP_MS)
                + " ms")
        .required("all " + CLIENTS + " answered within " + BOUND_MS + " ms of being sent, in one of " + ATTEMPTS + " attempts")
        .tryNext(
            "give the HttpServer an executor that starts a virtual thread per request:"
                + " server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); a fixed pool"
                + " of k platform threads answers only k sleeping requests at a time, and without"
                + " setExecutor the server's one dispatcher thread answers them one by one")
        .failUnless(best <= BOUND_MS);
  }

  /** Sends {@code count} requests at once and waits for every reply. */
  private static List<Http.Reply> burst(Http http, String target, int count) throws Exception {
    List<CompletableFuture<Http.Reply>> pending = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      pending.add(http.getAsync(target));
    }
    List<Http.Reply> replies = new ArrayList<>(count);
    for (CompletableFuture<Http.Reply> reply : pending) {
      replies.add(reply.get(60, TimeUnit.SECONDS));
    }
    return replies;
  }
}
