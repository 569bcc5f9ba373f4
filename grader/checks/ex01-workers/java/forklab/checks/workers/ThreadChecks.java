package forklab.checks.workers;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measurement;
import forklab.workers.Workers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/** {@link Workers#inThreads}: results, exceptions, overlap and shared memory. */
@Checks
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ThreadChecks {
  /** One counter for the whole JVM: every thread that bumps it bumps the same memory. */
  private static final AtomicInteger SHARED_COUNTER = new AtomicInteger();

  private static final long SLEEP_MILLIS = 300;
  private static final long THREADS_LIMIT_MILLIS = 750;

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "inThreads returns every worker's result in index order")
  void resultsInIndexOrder(Random random) throws Exception {
    int n = 2 + random.nextInt(19);
    long factor = 1 + random.nextInt(1_000);
    long offset = random.nextInt(1_000_000);
    // The lower the index, the longer the nap: workers finish in reverse index order.
    long[] naps = new long[n];
    for (int i = 0; i < n; i++) {
      naps[i] = 8L * (n - i) + random.nextInt(5);
    }
    IntFunction<String> worker =
        i -> {
          nap(naps[i]);
          return "w" + i + "=" + (factor * i + offset);
        };
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      expected.add("w" + i + "=" + (factor * i + offset));
    }

    List<String> actual = Workers.inThreads(n, worker);

    Feedback.of("inThreads(" + n + ", worker) must return worker.apply(0), ..., worker.apply(" + (n - 1) + ") in that order")
        .measured(describeDifference(expected, actual))
        .required(n + " results, result i being worker.apply(i), even though later workers finish first")
        .tryNext("store result i at position i (an array or a list of Futures read in index order), not in the order the workers finish")
        .failUnless(expected.equals(actual));
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name =
          "a worker's exception comes out of inThreads as an ExecutionException with that very "
              + "cause")
  void exceptionPropagates(Random random) {
    int n = 3 + random.nextInt(8);
    int failing = random.nextInt(n);
    RuntimeException thrown =
        random.nextBoolean()
            ? new IllegalStateException("worker " + failing + " failed on purpose")
            : new ArithmeticException("worker " + failing + " divided by zero on purpose");
    IntFunction<Integer> worker =
        i -> {
          nap(5L * i);
          if (i == failing) {
            throw thrown;
          }
          return i;
        };

    Throwable caught = null;
    List<Integer> returned = null;
    try {
      returned = Workers.inThreads(n, worker);
    } catch (Throwable e) {
      caught = e;
    }

    Feedback.of("worker " + failing + " of " + n + " threw " + thrown.getClass().getSimpleName() + "; inThreads must throw ExecutionException with it as the cause")
        .measured(returned != null ? "inThreads returned " + returned + " instead of throwing" : "inThreads threw " + describe(caught))
        .required("an ExecutionException whose getCause() is the worker's own " + thrown.getClass().getSimpleName())
        .tryNext("catch the worker's exception inside its thread, keep it, and after joining every thread throw new ExecutionException(thatException)")
        .failUnless(caught instanceof ExecutionException && caught.getCause() == thrown);
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 2,
      name = "five threads sleeping 300 ms finish in well under 5 x 300 ms")
  void fiveSleepingThreadsOverlap(TestReporter reporter) throws Exception {
    IntFunction<Integer> sleeper =
        i -> {
          nap(SLEEP_MILLIS);
          return i;
        };
    Workers.inThreads(2, i -> i); // warm-up: class loading is not what is measured
    long best = Long.MAX_VALUE;
    List<Long> attempts = new ArrayList<>();
    for (int attempt = 0; attempt < 3 && best >= THREADS_LIMIT_MILLIS; attempt++) {
      long start = System.nanoTime();
      List<Integer> results = Workers.inThreads(5, sleeper);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      attempts.add(millis);
      best = Math.min(best, millis);
      Feedback.of("inThreads(5, sleep 300 ms) must return the five results in index order")
          .measured(String.valueOf(results))
          .required("[0, 1, 2, 3, 4]")
          .failUnless(List.of(0, 1, 2, 3, 4).equals(results));
    }
    Measurement.of(best, "ms").atMost(THREADS_LIMIT_MILLIS).publish(reporter);

    Feedback.of("five workers that each sleep 300 ms must sleep side by side in five threads")
        .measured(best + " ms at best (attempts: " + attempts + " ms); one after another would take 1,500 ms")
        .required("under " + THREADS_LIMIT_MILLIS + " ms in at least one of 3 attempts")
        .tryNext("start all five threads first, then join them in a second loop; joining right after each start runs them one at a time")
        .failUnless(best < THREADS_LIMIT_MILLIS);
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 1,
      name = "all the workers of inThreads run at the same time")
  void allWorkersRunAtOnce(Random random) throws Exception {
    int n = 3 + random.nextInt(10);
    // Each worker waits until all n are inside: only n workers running at once can all get through.
    CountDownLatch inside = new CountDownLatch(n);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    IntFunction<Boolean> worker =
        i -> {
          peak.accumulateAndGet(running.incrementAndGet(), Math::max);
          inside.countDown();
          try {
            return inside.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          } finally {
            running.decrementAndGet();
          }
        };

    List<Boolean> met = Workers.inThreads(n, worker);

    boolean allMet = met != null && met.size() == n && met.stream().allMatch(Boolean.TRUE::equals);
    Feedback.of(n + " workers that each wait (up to 5 s) until all " + n + " have started must all be running at the same time")
        .measured("at most " + peak.get() + " of " + n + " workers were running at once")
        .required("all " + n + " running at once, each on its own thread")
        .tryNext("give every index its own new Thread and start them all before joining any; a small pool or the calling thread runs them in turns")
        .failUnless(allMet && peak.get() == n);
  }

  @Test
  @Check(
      goal = Goal.ISOLATION,
      points = 2,
      name =
          "each worker of inThreads gets its own new platform thread, and all share one static "
              + "counter")
  void ownPlatformThreadsSharingMemory(Random random) throws Exception {
    int n = 3 + random.nextInt(8);
    Thread caller = Thread.currentThread();
    int before = SHARED_COUNTER.get();
    AtomicReferenceArray<Thread> firstThreads = new AtomicReferenceArray<>(n);
    Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
    List<Integer> seen =
        Workers.inThreads(
            n,
            i -> {
              firstThreads.set(i, Thread.currentThread());
              calls.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet();
              nap(20);
              return SHARED_COUNTER.incrementAndGet();
            });
    AtomicReferenceArray<Thread> secondThreads = new AtomicReferenceArray<>(n);
    Workers.inThreads(
        n,
        i -> {
          secondThreads.set(i, Thread.currentThread());
          nap(20);
          return i;
        });

    // Shared memory: every worker bumped the same static counter, once.
    List<Integer> sorted = seen == null ? List.of() : new ArrayList<>(seen);
    Collections.sort(sorted);
    List<Integer> expectedValues = new ArrayList<>();
    for (int v = before + 1; v <= before + n; v++) {
      expectedValues.add(v);
    }
    boolean oncePerIndex = calls.size() == n && calls.values().stream().allMatch(c -> c.get() == 1);
    Feedback.of("the " + n + " workers of inThreads share this JVM's memory: each bumps one static counter exactly once")
        .measured("counter values seen " + seen + ", calls per index " + calls)
        .required("the values " + (before + 1) + " to " + (before + n) + " in some order, worker.apply(i) called once for each i")
        .tryNext("call worker.apply(i) exactly once for each index, in its own thread")
        .failUnless(sorted.equals(expectedValues) && oncePerIndex && SHARED_COUNTER.get() == before + n);

    // Own thread each: distinct, not the caller, platform threads, new on every call.
    Set<Thread> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread thread = firstThreads.get(i);
      if (thread == null) {
        problems.add("worker " + i + " never ran");
        continue;
      }
      if (thread == caller) {
        problems.add("worker " + i + " ran in the calling thread");
      }
      if (thread.isVirtual()) {
        problems.add("worker " + i + " ran on a virtual thread");
      }
      if (!distinct.add(thread)) {
        problems.add("worker " + i + " ran on a thread another worker had used (" + thread.getName() + ")");
      }
    }
    for (int i = 0; i < n; i++) {
      Thread thread = secondThreads.get(i);
      if (thread != null && distinct.contains(thread)) {
        problems.add("the second call reused thread " + thread.getName() + " of the first call");
        break;
      }
    }
    Feedback.of("inThreads must run each worker on its own new platform thread")
        .measured(problems.isEmpty() ? "fine" : summarize(problems))
        .required(n + " distinct platform threads per call, none of them the caller, none reused from an earlier call")
        .tryNext("create a new Thread (new Thread(...) or Thread.ofPlatform()) for every index; no thread pool, no parallel stream, no virtual threads")
        .failUnless(problems.isEmpty());

    // Joined: when inThreads returns, its threads have ended.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    List<String> stillAlive = new ArrayList<>();
    for (Thread thread : distinct) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (thread.isAlive()) {
        stillAlive.add(thread.getName());
      }
    }
    Feedback.of("every worker thread must have ended once inThreads has returned")
        .measured("still alive 1 s after the call: " + stillAlive)
        .required("none")
        .tryNext("join every thread before returning")
        .failUnless(stillAlive.isEmpty());
  }

  static void nap(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("worker interrupted while sleeping", e);
    }
  }

  private static String describe(Throwable thrown) {
    if (thrown == null) {
      return "nothing";
    }
    String text = thrown.getClass().getName() + ": " + thrown.getMessage();
    return thrown.getCause() == null ? text : text + " (cause: " + describe(thrown.getCause()) + ")";
  }

  private static String describeDifference(List<String> expected, List<String> actual) {
    if (actual == null) {
      return "null";
    }
    if (actual.size() != expected.size()) {
      return actual.size() + " results instead of " + expected.size() + ": " + abbreviate(actual);
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        return "position " + i + " holds " + actual.get(i) + " instead of " + expected.get(i) + "; all: " + abbreviate(actual);
      }
    }
    return "the expected list";
  }

  private static String summarize(List<String> problems) {
    if (problems.size() <= 3) {
      return String.join("; ", problems);
    }
    return String.join("; ", problems.subList(0, 3)) + "; and " + (problems.size() - 3) + " more";
  }

  private static String abbreviate(List<?> list) {
    String text = String.valueOf(list);
    return text.length() <= 300 ? text : text.substring(0, 300) + "...]";
  }
}
