package forklab.checks.buffer;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.buffer.BoundedBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** FIFO order, capacity, blocking when full or empty, timeouts, and what is refused. */
@Checks
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ContractChecks {
  private static final Duration BLOCKS = Duration.ofMillis(300);
  private static final Duration WAKES = Duration.ofSeconds(3);

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "items come out in the order they went in, at capacities 1, 2, 7 and 1,000")
  void firstInFirstOut(Random random) throws InterruptedException {
    for (int capacity : new int[] {1, 2, 7, 1_000}) {
      BoundedBuffer<Integer> buffer = new BoundedBuffer<>(capacity);
      ArrayDeque<Integer> model = new ArrayDeque<>();
      List<String> calls = new ArrayList<>();
      for (int step = 0; step < 20 * capacity + 50; step++) {
        boolean add = model.isEmpty() || (model.size() < capacity && random.nextInt(5) < 3);
        if (add) {
          int item = random.nextInt(1_000_000);
          boolean viaPut = random.nextBoolean();
          if (viaPut) {
            buffer.put(item);
          } else {
            Feedback.of("offer(" + item + ", 0 ms) on a buffer of " + capacity + " holding " + model.size() + " item(s) must take it")
                .measured("offer returned false")
                .required("true: there is room")
                .line("calls so far", last(calls))
                .tryNext("a buffer is full only when it holds capacity items; count the items you hold")
                .failUnless(buffer.offer(item, 0, TimeUnit.MILLISECONDS));
          }
          model.addLast(item);
          calls.add((viaPut ? "put(" : "offer(") + item + ")");
        } else {
          boolean viaTake = random.nextBoolean();
          Integer got = viaTake ? buffer.take() : buffer.poll(0, TimeUnit.MILLISECONDS);
          Integer wanted = model.removeFirst();
          calls.add((viaTake ? "take()" : "poll()") + " = " + got);
          Feedback.of("a buffer of capacity " + capacity + " must give back the oldest item")
              .measured((viaTake ? "take()" : "poll(0 ms)") + " returned " + got)
              .required(wanted + ", the oldest of " + (model.size() + 1) + " item(s) held")
              .line("calls so far", last(calls))
              .tryNext(
                  "keep a head index and a count: put writes at (head + count) % capacity, take"
                      + " reads at head and moves head on; wrap both around the array")
              .failUnless(wanted.equals(got));
        }
      }
    }
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "a full buffer refuses more: offer times out, and put waits until a take makes room")
  void aFullBufferWaitsForRoom() throws InterruptedException {
    BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
    buffer.put("a");
    buffer.put("b");
    Feedback.of("offer(\"c\", 0 ms) on a full buffer of 2 must refuse")
        .measured("offer returned true")
        .required("false, at once")
        .tryNext("check count == capacity before you add, and give up when no time is left")
        .failUnless(!buffer.offer("c", 0, TimeUnit.MILLISECONDS));
    Caller<Void> put =
        Caller.start(
            "put",
            () -> {
              buffer.put("c");
              return null;
            });
    Feedback.of("put(\"c\") on a full buffer of 2 must wait until there is room")
        .measured("put " + put.outcome() + " after " + put.millis() + " ms")
        .required("put still waiting " + BLOCKS.toMillis() + " ms later")
        .tryNext("wait in a loop while count == capacity: while (count == capacity) notFull.await();")
        .failUnless(put.stillBlockedAfter(BLOCKS));
    String first = buffer.take();
    Feedback.of("once take() makes room, the waiting put(\"c\") must finish")
        .measured("put " + put.outcome() + " " + WAKES.toSeconds() + " s after the take")
        .required("put returns")
        .tryNext("after take removes an item, signal the condition that putters wait on (notFull.signal())")
        .failUnless(put.endsWithin(WAKES) && put.thrown() == null);
    List<String> rest = List.of(buffer.take(), buffer.take());
    Feedback.of("the items of a buffer that was full come out in order")
        .measured(first + ", then " + rest)
        .required("a, then [b, c]")
        .tryNext("a waiting put adds its item at the tail like any other put")
        .failUnless(first.equals("a") && rest.equals(List.of("b", "c")));
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "an empty buffer gives nothing: poll times out, and take waits until a put")
  void anEmptyBufferWaitsForAnItem() throws InterruptedException {
    BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
    Feedback.of("poll(0 ms) on an empty buffer must give nothing")
        .measured("poll returned something")
        .required("null, at once")
        .tryNext("check count == 0 before you remove, and give up when no time is left")
        .failUnless(buffer.poll(0, TimeUnit.MILLISECONDS) == null);
    Caller<String> take = Caller.start("take", buffer::take);
    Feedback.of("take() on an empty buffer must wait until there is an item")
        .measured("take " + take.outcome() + " after " + take.millis() + " ms")
        .required("take still waiting " + BLOCKS.toMillis() + " ms later")
        .tryNext("wait in a loop while count == 0: while (count == 0) notEmpty.await();")
        .failUnless(take.stillBlockedAfter(BLOCKS));
    buffer.put("x");
    Feedback.of("once put(\"x\") adds an item, the waiting take() must return it")
        .measured("take " + take.outcome() + " " + WAKES.toSeconds() + " s after the put")
        .required("take returns x")
        .tryNext("after put adds an item, signal the condition that takers wait on (notEmpty.signal())")
        .failUnless(take.endsWithin(WAKES) && "x".equals(take.result()));
  }

  @Test
  @Check(goal = Goal.CORRECTNESS, points = 1, name = "null items and capacities below 1 are refused")
  void refusesNullAndCapacitiesBelowOne() throws InterruptedException {
    for (int capacity : new int[] {0, -1, Integer.MIN_VALUE}) {
      Throwable thrown = thrown(() -> new BoundedBuffer<String>(capacity));
      Feedback.of("new BoundedBuffer<>(" + capacity + ") must be refused")
          .measured(thrown == null ? "a buffer was created" : "threw " + thrown)
          .required("IllegalArgumentException")
          .tryNext("if (capacity < 1) throw new IllegalArgumentException(\"capacity \" + capacity);")
          .failUnless(thrown instanceof IllegalArgumentException);
    }
    BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
    buffer.put("a");
    Throwable put = thrown(() -> buffer.put(null));
    Throwable offer = thrown(() -> buffer.offer(null, 10, TimeUnit.MILLISECONDS));
    Feedback.of("put(null) and offer(null, ...) must be refused")
        .measured("put(null) " + describe(put) + ", offer(null, 10 ms) " + describe(offer))
        .required("NullPointerException from both, before anything changes")
        .tryNext("start put and offer with Objects.requireNonNull(item, \"item\");")
        .failUnless(put instanceof NullPointerException && offer instanceof NullPointerException);
    Feedback.of("a refused null leaves the buffer as it was")
        .measured("size() = " + buffer.size())
        .required("1 (only \"a\")")
        .tryNext("check for null before you touch the slots or the count")
        .failUnless(buffer.size() == 1 && "a".equals(buffer.take()));
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name =
          "offer and poll give up after their timeout, and return as soon as room or an item"
              + " appears")
  void timeoutsAreHonouredAndWakeUpsPrompt() throws InterruptedException {
    BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
    long start = System.nanoTime();
    String polled = buffer.poll(200, TimeUnit.MILLISECONDS);
    long pollMillis = millisSince(start);
    Feedback.of("poll(200 ms) on an empty buffer must wait about 200 ms, then give null")
        .measured("returned " + polled + " after " + pollMillis + " ms")
        .required("null after 190 to 2,000 ms")
        .tryNext("turn the timeout into nanoseconds and wait with nanos = notEmpty.awaitNanos(nanos) until it is <= 0")
        .failUnless(polled == null && pollMillis >= 190 && pollMillis < 2_000);
    buffer.put("a");
    start = System.nanoTime();
    boolean offered = buffer.offer("b", 200, TimeUnit.MILLISECONDS);
    long offerMillis = millisSince(start);
    Feedback.of("offer(\"b\", 200 ms) on a full buffer must wait about 200 ms, then give false")
        .measured("returned " + offered + " after " + offerMillis + " ms")
        .required("false after 190 to 2,000 ms")
        .tryNext("wait with nanos = notFull.awaitNanos(nanos) in a loop, and return false once nanos <= 0")
        .failUnless(!offered && offerMillis >= 190 && offerMillis < 2_000);

    Caller<Boolean> offer = Caller.start("offer", () -> buffer.offer("b", 20, TimeUnit.SECONDS));
    Thread.sleep(BLOCKS);
    buffer.take();
    long tookAt = System.nanoTime();
    boolean ended = offer.endsWithin(WAKES);
    Feedback.of("offer(\"b\", 20 s) must return as soon as a take makes room")
        .measured("offer " + offer.outcome() + ", " + millisSince(tookAt) + " ms after the take")
        .required("true within " + WAKES.toSeconds() + " s of the take, not at the end of the 20 s")
        .tryNext("signal the waiting putters when take removes an item, and let offer wait on that condition")
        .failUnless(ended && Boolean.TRUE.equals(offer.result()));

    buffer.take();
    Caller<String> poll = Caller.start("poll", () -> buffer.poll(20, TimeUnit.SECONDS));
    Thread.sleep(BLOCKS);
    buffer.put("c");
    long putAt = System.nanoTime();
    ended = poll.endsWithin(WAKES);
    Feedback.of("poll(20 s) must return as soon as a put adds an item")
        .measured("poll " + poll.outcome() + ", " + millisSince(putAt) + " ms after the put")
        .required("c within " + WAKES.toSeconds() + " s of the put, not at the end of the 20 s")
        .tryNext("signal the waiting takers when put adds an item, and let poll wait on that condition")
        .failUnless(ended && "c".equals(poll.result()));
  }

  @Test
  @Check(goal = Goal.CORRECTNESS, points = 1, name = "size() and capacity() tell the buffer's state")
  void sizeAndCapacity(Random random) throws InterruptedException {
    int capacity = 3 + random.nextInt(10);
    BoundedBuffer<Integer> buffer = new BoundedBuffer<>(capacity);
    int held = 0;
    for (int step = 0; step < 100; step++) {
      if (held < capacity && (held == 0 || random.nextBoolean())) {
        buffer.put(step);
        held++;
      } else {
        buffer.take();
        held--;
      }
      int size = buffer.size();
      int cap = buffer.capacity();
      Feedback.of("size() and capacity() of a buffer of " + capacity + " after " + (step + 1) + " puts and takes")
          .measured("size() = " + size + ", capacity() = " + cap)
          .required("size() = " + held + ", capacity() = " + capacity)
          .tryNext("size() returns the count of items held; capacity() the length given to the constructor")
          .failUnless(size == held && cap == capacity);
    }
  }

  private interface Action {
    void run() throws Exception;
  }

  private static Throwable thrown(Action action) {
    try {
      action.run();
      return null;
    } catch (Throwable e) {
      return e;
    }
  }

  private static String describe(Throwable thrown) {
    return thrown == null ? "returned normally" : "threw " + thrown;
  }

  private static String last(List<String> calls) {
    int from = Math.max(0, calls.size() - 8);
    return (from > 0 ? "... " : "") + String.join(", ", calls.subList(from, calls.size()));
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
