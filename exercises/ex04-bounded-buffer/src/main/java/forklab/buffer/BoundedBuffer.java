package forklab.buffer;

import java.util.concurrent.TimeUnit;

/**
 * A first-in, first-out buffer of fixed capacity, shared by the threads of one process. Build it
 * on a ReentrantLock with Conditions, or on synchronized with wait and notifyAll (see README.md).
 */
public final class BoundedBuffer<T> {

  /** A buffer for at most {@code capacity} items; IllegalArgumentException if capacity < 1. */
  public BoundedBuffer(int capacity) {
    // TODO: check the capacity and create the slots, the lock and what threads wait on
  }

  /** Adds {@code item} at the tail, waiting while the buffer is full; NullPointerException on null. */
  public void put(T item) throws InterruptedException {
    throw new UnsupportedOperationException("TODO: put");
  }

  /** Removes and returns the item at the head, waiting while the buffer is empty. */
  public T take() throws InterruptedException {
    throw new UnsupportedOperationException("TODO: take");
  }

  /** Like put, but waits at most {@code timeout}: true when the item went in, false on timeout. */
  public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
    throw new UnsupportedOperationException("TODO: offer");
  }

  /** Like take, but waits at most {@code timeout}: the item, or null on timeout. */
  public T poll(long timeout, TimeUnit unit) throws InterruptedException {
    throw new UnsupportedOperationException("TODO: poll");
  }

  /** How many items the buffer holds now. */
  public int size() {
    throw new UnsupportedOperationException("TODO: size");
  }

  /** How many items the buffer can hold. */
  public int capacity() {
    throw new UnsupportedOperationException("TODO: capacity");
  }
}
