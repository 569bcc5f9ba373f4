package forklab.checks.buffer;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.buffer.BoundedBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Four producers and four consumers move 100,000 items; every item must arrive exactly once, and
 * each consumer sees each producer's items in the order they were put.
 */
@Checks
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class StressChecks {
  private static final int PRODUCERS = 4;
  private static final int CONSUMERS = 4;
  private static final int ITEMS = 100_000;
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 3,
      name =
          "4 producers and 4 consumers move 100,000 items, none lost or duplicated, at capacities"
              + " 1, 2 and 64")
  @Gated(BufferWorks.class)
  void noItemLostOrDuplicated(Random random) throws InterruptedException {
    List<Integer> capacities = new ArrayList<>(List.of(1, 2, 64));
    Collections.shuffle(capacities, random);
    int runs = 0;
    for (int capacity : capacities) {
      runs++;
      Run run = move(capacity);
      String where = "run " + runs + " of " + capacities.size() + " (capacity " + capacity + ")";
      Feedback.of("no thread may fail while 4 producers and 4 consumers move 100,000 items")
          .measured(run.failure.get() == null ? "none" : run.failure.get() + ", in " + where)
          .required("no exception")
          .tryNext("read the exception: it happened inside your put or take while other threads used the buffer")
          .failUnless(run.failure.get() == null);
      Feedback.of("4 producers and 4 consumers must move all 100,000 items through a buffer of " + capacity)
          .measured(
              run.finished
                  ? "all threads finished"
                  : run.taken + " items taken when the threads were still stuck after " + LIMIT.toSeconds() + " s, in " + where)
          .required("every put and take returns")
          .tryNext(
              "a thread that waits must be woken when its reason to wait is gone: signal notFull"
                  + " after each take and notEmpty after each put (or notifyAll with synchronized);"
                  + " with one shared condition, signal() can wake the wrong kind of thread")
          .failUnless(run.finished);
      int[] seen = run.seen;
      int missing = 0;
      int twice = 0;
      int firstMissing = -1;
      int firstTwice = -1;
      for (int item = 0; item < ITEMS; item++) {
        if (seen[item] == 0) {
          missing++;
          firstMissing = firstMissing < 0 ? item : firstMissing;
        } else if (seen[item] > 1) {
          twice++;
          firstTwice = firstTwice < 0 ? item : firstTwice;
        }
      }
      Feedback.of("every item put must be taken exactly once")
          .measured(
              missing + " item(s) never taken (first: " + firstMissing + "), " + twice
                  + " taken more than once (first: " + firstTwice + "), in " + where)
          .required("each of the 100,000 items taken once")
          .tryNext(
              "guard every read and write of the slots, the head and the count with the same lock,"
                  + " in put, take, offer and poll alike; re-check the condition in a while loop"
                  + " after every wake-up")
          .failUnless(missing == 0 && twice == 0);
      Feedback.of("a consumer must see each producer's items in the order they were put")
          .measured(run.outOfOrder.get() == null ? "in order" : run.outOfOrder.get() + ", in " + where)
          .required("FIFO: for each producer, increasing positions")
          .tryNext("take from the head and put at the tail; a ring of slots needs both to wrap around")
          .failUnless(run.outOfOrder.get() == null);
    }
  }

  private static final class Run {
    final int[] seen = new int[ITEMS];
    final AtomicReference<String> failure = new AtomicReference<>();
    final AtomicReference<String> outOfOrder = new AtomicReference<>();
    final AtomicInteger takenCount = new AtomicInteger();
    boolean finished;
    int taken;
  }

  private static Run move(int capacity) throws InterruptedException {
    BoundedBuffer<Integer> buffer = new BoundedBuffer<>(capacity);
    Run run = new Run();
    int perProducer = ITEMS / PRODUCERS;
    int perConsumer = ITEMS / CONSUMERS;
    int[][] received = new int[CONSUMERS][perConsumer];
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      int producer = p;
      threads.add(
          worker(
              "producer-" + p,
              run,
              () -> {
                for (int i = 0; i < perProducer; i++) {
                  buffer.put(producer * perProducer + i);
                }
              }));
    }
    for (int c = 0; c < CONSUMERS; c++) {
      int[] mine = received[c];
      threads.add(
          worker(
              "consumer-" + c,
              run,
              () -> {
                for (int i = 0; i < perConsumer; i++) {
                  Integer item = buffer.take();
                  mine[i] = item == null ? -1 : item;
                  run.takenCount.incrementAndGet();
                }
              }));
    }
    threads.forEach(Thread::start);
    long deadline = System.nanoTime() + LIMIT.toNanos();
    boolean finished = true;
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        finished &= !thread.isAlive();
        continue;
      }
      thread.join(Duration.ofNanos(left));
      finished &= !thread.isAlive();
    }
    run.finished = finished;
    run.taken = run.takenCount.get();
    if (!finished) {
      threads.forEach(Thread::interrupt);
      return run;
    }
    for (int c = 0; c < CONSUMERS; c++) {
      int[] last = new int[PRODUCERS];
      Arrays.fill(last, -1);
      for (int item : received[c]) {
        if (item < 0 || item >= ITEMS) {
          run.failure.compareAndSet(null, "consumer " + c + " took " + (item < 0 ? "null" : item) + ", which no producer put");
          continue;
        }
        run.seen[item]++;
        int producer = item / perProducer;
        if (item <= last[producer]) {
          run.outOfOrder.compareAndSet(
              null,
              "consumer " + c + " took item " + item + " of producer " + producer + " after item " + last[producer]);
        }
        last[producer] = Math.max(last[producer], item);
      }
    }
    return run;
  }

  private interface Work {
    void run() throws InterruptedException;
  }

  private static Thread worker(String name, Run run, Work work) {
    return Thread.ofPlatform()
        .name("forklab-" + name)
        .daemon(true)
        .unstarted(
            () -> {
              try {
                work.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException | Error e) {
                run.failure.compareAndSet(null, Thread.currentThread().getName() + " threw " + e);
              }
            });
  }
}
