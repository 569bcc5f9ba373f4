package forklab.checks.buffer;

import forklab.buffer.BoundedBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread of a Lincheck scenario: it puts its items, or takes a number of items, on the buffer.
 * A named class rather than a lambda, so that Lincheck's report calls the buffer {@code buffer}.
 */
final class Actor implements Runnable {
  private final BoundedBuffer<Integer> buffer;
  private final int[] items;
  private final int takes;
  private final List<Integer> taken = new ArrayList<>();

  private Actor(BoundedBuffer<Integer> buffer, int[] items, int takes) {
    this.buffer = buffer;
    this.items = items;
    this.takes = takes;
  }

  static Actor putting(BoundedBuffer<Integer> buffer, int... items) {
    return new Actor(buffer, items, 0);
  }

  static Actor taking(BoundedBuffer<Integer> buffer, int takes) {
    return new Actor(buffer, new int[0], takes);
  }

  @Override
  public void run() {
    try {
      for (int item : items) {
        buffer.put(item);
      }
      for (int i = 0; i < takes; i++) {
        taken.add(buffer.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What this actor took, in order; read it after {@link #runAll}. */
  List<Integer> taken() {
    return taken;
  }

  /** Starts one thread per body (an actor, or any other), then waits for all of them. */
  static void runAll(List<? extends Runnable> bodies) {
    List<Thread> threads = new ArrayList<>();
    for (Runnable body : bodies) {
      Thread thread = new Thread(body);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
