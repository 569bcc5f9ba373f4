package forklab.checks.server;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.api.speedup.RatioJudge;
import forklab.api.watch.Descendants;
import forklab.server.Server;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The lesson on the cost of a process per request: a tiny request answered by a virtual thread of
 * the server's JVM against one answered by a child JVM started for it (the CGI model), each server
 * started beforehand, the time per request judged by the {@link RatioJudge} in interleaved rounds.
 */
@Checks
@Timeout(value = 150, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class RatioChecks {
  /** A request to threaded must be at least this many times cheaper. */
  static final double FACTOR = 10;

  /**
   * Requests per round to threaded, one after another, each on a new connection: many, since each
   * takes about a millisecond, so that a round's cost per request is steady.
   */
  private static final int THREADED_REQUESTS = 20;

  /** Requests per round to processPerRequest: a child JVM each, tens of milliseconds. */
  private static final int PROCESS_REQUESTS = 3;

  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.SPEEDUP,
      points = 3,
      name = "threaded serves tiny requests at least 10x faster than processPerRequest")
  @Gated(ServersWork.class)
  void threadsAreTenTimesFaster(Random random, TestReporter reporter) throws Exception {
    try (Server threaded = Model.THREADED.start();
        Server processes = Model.PROCESS_PER_REQUEST.start()) {
      RatioJudge.Result result =
          RatioJudge.<Long>builder()
              .cheaper(
                  "a tiny request to threaded",
                  THREADED_REQUESTS,
                  () -> serve(threaded.port(), THREADED_REQUESTS, random, "threaded"))
              .than(
                  "a tiny request to processPerRequest",
                  PROCESS_REQUESTS,
                  () -> serve(processes.port(), PROCESS_REQUESTS, random, "processPerRequest"))
              .atLeast(FACTOR)
              .rounds(5, 11)
              .warmup(2) // both servers and the client compiled, the first children run
              .random(random)
              .judge();
      result.publish(reporter);
      result.assertPassed();
    }
  }

  /** {@code requests} tiny requests, one after another, each answer checked; their sum. */
  private static long serve(int port, int requests, Random random, String server)
      throws InterruptedException {
    long sum = 0;
    for (int i = 0; i < requests; i++) {
      int n = 10 + random.nextInt(1_000);
      Http.Reply reply = RawHttp.get(port, "/work?n=" + n);
      String expected = Integer.toString(Primes.below(n));
      Feedback.of("a wrong answer while the costs were measured")
          .measured(server + ": GET /work?n=" + n + " gave " + reply.describe())
          .required("200 \"" + expected + "\"")
          .tryNext("make the correctness checks pass first: a cost only counts for right answers")
          .failUnless(reply.status() == 200 && reply.body().strip().equals(expected));
      sum += Long.parseLong(expected);
    }
    return sum;
  }
}
