package forklab.checks.buffer;

import forklab.buffer.BoundedBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A linearizability scenario: a few calls that never wait (offer and poll with no time to wait,
 * size) made one by one, then two threads each making three such calls at the same time. The
 * results are right when some order of the parallel calls that keeps each thread's own order,
 * replayed one at a time on a plain queue, gives exactly the same results.
 */
final class CallsInParallel implements Runnable {
  static final int CAPACITY = 2;
  private static final int THREADS = 2;
  private static final int CALLS_PER_THREAD = 3;

  /**
   * One call: an offer of {@code item}, a poll, or a size. A class rather than a record: Lincheck
   * cannot follow the fields of records, and says so on the check's output.
   */
  static final class Call {
    enum Kind {
      OFFER,
      POLL,
      SIZE
    }

    private final Kind kind;
    private final int item;

    Call(Kind kind, int item) {
      this.kind = kind;
      this.item = item;
    }

    Object on(BoundedBuffer<Integer> buffer) throws InterruptedException {
      return switch (kind) {
        case OFFER -> buffer.offer(item, 0, TimeUnit.MILLISECONDS);
        case POLL -> buffer.poll(0, TimeUnit.MILLISECONDS);
        case SIZE -> buffer.size();
      };
    }

    Object on(ArrayDeque<Integer> queue) {
      return switch (kind) {
        case OFFER -> queue.size() < CAPACITY && queue.add(item);
        case POLL -> queue.poll();
        case SIZE -> queue.size();
      };
    }

    @Override
    public String toString() {
      return switch (kind) {
        case OFFER -> "offer(" + item + ")";
        case POLL -> "poll()";
        case SIZE -> "size()";
      };
    }
  }

  /** The calls one thread makes, with their results. A named class, for Lincheck's report. */
  static final class CallsOfOneThread implements Runnable {
    private final BoundedBuffer<Integer> buffer;
    private final List<Call> calls;
    private final Object[] results;

    CallsOfOneThread(BoundedBuffer<Integer> buffer, List<Call> calls) {
      this.buffer = buffer;
      this.calls = calls;
      this.results = new Object[calls.size()];
    }

    @Override
    public void run() {
      try {
        for (int i = 0; i < results.length; i++) {
          results[i] = calls.get(i).on(buffer);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final List<Call> before;
  private final List<List<Call>> parallel;
  private final Object[] beforeResults;
  private final long[] explainable;

  private CallsInParallel(List<Call> before, List<List<Call>> parallel) {
    this.before = before;
    this.parallel = parallel;
    ArrayDeque<Integer> model = new ArrayDeque<>();
    beforeResults = before.stream().map(call -> call.on(model)).toArray();
    List<Long> outcomes = new ArrayList<>();
    explain(model, new int[THREADS], new int[THREADS][CALLS_PER_THREAD], outcomes);
    explainable = outcomes.stream().mapToLong(Long::longValue).distinct().toArray();
  }

  static CallsInParallel random(Random random) {
    List<Call> before = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      before.add(randomCall(random));
    }
    List<List<Call>> parallel = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<Call> calls = new ArrayList<>();
      for (int i = 0; i < CALLS_PER_THREAD; i++) {
        calls.add(randomCall(random));
      }
      parallel.add(calls);
    }
    return new CallsInParallel(before, parallel);
  }

  private static Call randomCall(Random random) {
    Call.Kind kind = Call.Kind.values()[random.nextInt(5) % 3];
    return new Call(kind, 1 + random.nextInt(9));
  }

  /**
   * Every outcome that some order of the parallel calls (each thread's in its own order) gives on
   * a plain queue, encoded by {@link #key}. Computed once, before any run, so that a run under the
   * model checker only compares numbers.
   */
  private void explain(ArrayDeque<Integer> queue, int[] next, int[][] codes, List<Long> outcomes) {
    boolean done = true;
    for (int t = 0; t < THREADS; t++) {
      if (next[t] == CALLS_PER_THREAD) {
        continue;
      }
      done = false;
      ArrayDeque<Integer> copy = queue.clone();
      codes[t][next[t]] = code(parallel.get(t).get(next[t]).on(copy));
      next[t]++;
      explain(copy, next, codes, outcomes);
      next[t]--;
    }
    if (done) {
      outcomes.add(key(codes));
    }
  }

  /** A result as a small number: false 0, true 1, null 0, an item or a size itself; else 31. */
  private static int code(Object result) {
    if (result == null) {
      return 0;
    }
    if (result instanceof Boolean accepted) {
      return accepted ? 1 : 0;
    }
    if (result instanceof Integer value && value >= 0 && value < 31) {
      return value;
    }
    return 31;
  }

  private static long key(int[][] codes) {
    long key = 0;
    for (int[] thread : codes) {
      for (int code : thread) {
        key = key * 32 + code;
      }
    }
    return key;
  }

  @Override
  public void run() {
    runOnce();
  }

  /**
   * Runs the scenario once on a new buffer; throws an AssertionError naming the results when no
   * order explains them.
   */
  void runOnce() {
    BoundedBuffer<Integer> buffer = new BoundedBuffer<>(CAPACITY);
    try {
      for (int i = 0; i < before.size(); i++) {
        Object got = before.get(i).on(buffer);
        if (!Objects.equals(got, beforeResults[i])) {
          throw new AssertionError(
              "one at a time, " + before.get(i) + " gave " + got + " instead of " + beforeResults[i]);
        }
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    Object[][] results = new Object[THREADS][];
    List<CallsOfOneThread> bodies = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      CallsOfOneThread calls = new CallsOfOneThread(buffer, parallel.get(t));
      results[t] = calls.results;
      bodies.add(calls);
    }
    Actor.runAll(bodies);
    int[][] codes = new int[THREADS][CALLS_PER_THREAD];
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < CALLS_PER_THREAD; i++) {
        codes[t][i] = code(results[t][i]);
      }
    }
    long key = key(codes);
    for (long outcome : explainable) {
      if (outcome == key) {
        return;
      }
    }
    throw new AssertionError("no order of the calls explains " + describe(results));
  }

  /** {@code thread 1: offer(3) = true, poll() = null, ...; thread 2: ...}. */
  String describe(Object[][] results) {
    List<String> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<String> calls = new ArrayList<>();
      for (int i = 0; i < CALLS_PER_THREAD; i++) {
        calls.add(parallel.get(t).get(i) + " = " + results[t][i]);
      }
      threads.add("thread " + (t + 1) + ": " + String.join(", ", calls));
    }
    return String.join("; ", threads);
  }

  @Override
  public String toString() {
    List<String> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      threads.add("thread " + (t + 1) + " " + parallel.get(t));
    }
    return "on a buffer of "
        + CAPACITY
        + " slots, "
        + (before.isEmpty() ? "" : before + " one at a time, then ")
        + String.join(" and ", threads)
        + " at the same time";
  }
}
