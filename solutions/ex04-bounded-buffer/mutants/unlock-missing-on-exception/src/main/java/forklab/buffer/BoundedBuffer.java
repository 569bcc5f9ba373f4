package forklab.buffer;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A first-in, first-out buffer of fixed capacity for threads of one process: a ring of slots
 * guarded by one lock, with one condition for each reason to wait.
 */
public final class BoundedBuffer<T> {
  private final Object[] slots;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition notEmpty = lock.newCondition();
  private int head;
  private int count;

  public BoundedBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    slots = new Object[capacity];
  }

  public void put(T item) throws InterruptedException {
    lock.lock();
    Objects.requireNonNull(item, "item");
    while (count == slots.length) {
      notFull.await();
    }
    enqueue(item);
    lock.unlock();
  }

  public T take() throws InterruptedException {
    lock.lock();
    try {
      while (count == 0) {
        notEmpty.await();
      }
      return dequeue();
    } finally {
      lock.unlock();
    }
  }

  public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
    Objects.requireNonNull(item, "item");
    long nanos = unit.toNanos(timeout);
    lock.lock();
    try {
      while (count == slots.length) {
        if (nanos <= 0) {
          return false;
        }
        nanos = notFull.awaitNanos(nanos);
      }
      enqueue(item);
      return true;
    } finally {
      lock.unlock();
    }
  }

  public T poll(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lock();
    try {
      while (count == 0) {
        if (nanos <= 0) {
          return null;
        }
        nanos = notEmpty.awaitNanos(nanos);
      }
      return dequeue();
    } finally {
      lock.unlock();
    }
  }

  public int size() {
    lock.lock();
    try {
      return count;
    } finally {
      lock.unlock();
    }
  }

  public int capacity() {
    return slots.length;
  }

  /** Adds at the tail and wakes one taker; the lock is held. */
  private void enqueue(T item) {
    slots[(head + count) % slots.length] = item;
    count++;
    notEmpty.signal();
  }

  /** Removes from the head and wakes one putter; the lock is held. */
  private T dequeue() {
    @SuppressWarnings("unchecked")
    T item = (T) slots[head];
    slots[head] = null;
    head = (head + 1) % slots.length;
    count--;
    notFull.signal();
    return item;
  }
}
