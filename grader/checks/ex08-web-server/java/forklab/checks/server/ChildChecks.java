package forklab.checks.server;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measurement;
import forklab.api.watch.Descendants;
import forklab.server.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * processPerRequest answers each request in a child process of its own: the X-Pid of every answer
 * is a child of the check JVM (seen by a watch of its descendants), and no two answers share one;
 * and close() ends every child the server started, in flight or started in advance.
 */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ChildChecks {
  private static final long SELF = ProcessHandle.current().pid();

  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.ISOLATION,
      points = 2,
      name = "processPerRequest answers each request in a child process of its own")
  void childPerRequest(Random random, TestReporter reporter) throws Exception {
    int requests = 4 + random.nextInt(3);
    List<String> wrong = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    Set<Long> pids = new LinkedHashSet<>();
    Set<Long> seen;
    try (Descendants.Watch watch = Descendants.Watch.start(Duration.ofMillis(5))) {
      try (Server server = Model.PROCESS_PER_REQUEST.start();
          Http http = new Http(server.port(), Duration.ofSeconds(30))) {
        for (int i = 0; i < requests; i++) {
          int n = 1_000 + random.nextInt(100_000);
          Http.Reply reply = http.get("/work?n=" + n);
          String pid = reply.pid().isPresent() ? Long.toString(reply.pid().getAsLong()) : "none";
          answers.add("/work?n=" + n + ": " + reply.describe() + ", X-Pid " + pid);
          if (reply.status() != 200 || !reply.body().strip().equals(Integer.toString(Primes.below(n)))) {
            wrong.add("GET /work?n=" + n + " gave " + reply.describe());
          }
          if (reply.pid().isEmpty()) {
            wrong.add("GET /work?n=" + n + " had no X-Pid header with a pid");
          } else if (!pids.add(reply.pid().getAsLong())) {
            wrong.add("GET /work?n=" + n + " was answered by pid " + pid + " again");
          }
        }
        // Side by side as well: two requests at once, two children.
        CompletableFuture<Http.Reply> first = http.getAsync("/sleep?ms=300");
        CompletableFuture<Http.Reply> second = http.getAsync("/sleep?ms=300");
        for (Http.Reply reply : List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS))) {
          answers.add("/sleep?ms=300 at once: " + reply.describe() + ", X-Pid " + reply.pid());
          if (reply.status() != 200 || reply.pid().isEmpty() || !pids.add(reply.pid().getAsLong())) {
            wrong.add("of two GET /sleep?ms=300 at once, one gave " + reply.describe() + " with X-Pid " + reply.pid() + ", not its own child's pid");
          }
        }
      }
      seen = watch.seen();
    }
    List<Long> notChildren = pids.stream().filter(pid -> !seen.contains(pid)).toList();
    if (pids.contains(SELF)) {
      wrong.add("X-Pid " + SELF + " is the server's own JVM: the answer was computed in the parent");
    } else if (!notChildren.isEmpty()) {
      wrong.add("X-Pid " + notChildren + " never appeared among the descendants of the server's JVM (seen: " + seen + ")");
    }
    Measurement.of(pids.size() - notChildren.size(), "children")
        .atLeast(requests + 2)
        .detail("requests", requests + " one after another, then 2 at once")
        .detail("server's pid", SELF)
        .detail("children seen", seen.size() + ": " + seen)
        .publish(reporter);
    Feedback.of("every request to processPerRequest must be answered by a child process of its own")
        .measured(wrong.isEmpty() ? Texts.shorten(answers, 3) : Texts.shorten(wrong, 4))
        .required(
            (requests + 2)
                + " answers, each with the header X-Pid naming a different child process of the"
                + " server's JVM, started by the server")
        .tryNext(
            "for each request start a new child (new ProcessBuilder(java, \"-cp\","
                + " System.getProperty(\"java.class.path\"), \"forklab.server.ChildMain\").start()),"
                + " let it compute the answer, relay what it writes, and send X-Pid:"
                + " child.pid(); never reuse a child for a second request")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name =
          "close ends every child processPerRequest started, in flight or started in advance")
  void closeEndsChildren() throws Exception {
    Set<Long> before = Descendants.alive();
    Set<Long> during;
    Http.Reply work;
    Server server = Model.PROCESS_PER_REQUEST.start();
    try (Http http = new Http(server.port(), Duration.ofSeconds(60))) {
      work = http.get("/work?n=10");
      CompletableFuture<Http.Reply> sleeping = http.getAsync("/sleep?ms=30000");
      Thread.sleep(1_500); // its child has started, and is sleeping
      during = Descendants.aliveExcept(before);
      server.close();
      sleeping.cancel(true);
    } finally {
      server.close();
    }
    Set<Long> survivors = Descendants.survivorsAfter(before, Duration.ofSeconds(1));
    Feedback.of("once close() has returned, no child of the server may still run")
        .measured(
            "GET /work?n=10 gave "
                + work.describe()
                + "; while GET /sleep?ms=30000 ran, alive: "
                + during
                + "; 1 s after close(): "
                + (survivors.isEmpty() ? "none left" : survivors + " still alive"))
        .required("every child the server started has ended within 1 s of close()")
        .tryNext(
            "keep every child you start (spares started in advance too) in a concurrent set, and"
                + " in close(): stop accepting, then destroyForcibly() each and waitFor() it")
        .failUnless(survivors.isEmpty() && work.status() == 200);
  }
}
