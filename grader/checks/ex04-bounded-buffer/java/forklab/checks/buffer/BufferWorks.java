package forklab.checks.buffer;

import forklab.api.Gate;
import forklab.buffer.BoundedBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The gate of every goal but correctness: on one thread, the buffer keeps two items in order,
 * refuses a third and gives nothing when empty. Concurrency and architecture only count for a
 * buffer that works.
 */
final class BufferWorks implements Gate {
  @Override
  public String method() {
    return "BoundedBuffer";
  }

  @Override
  public void check() throws InterruptedException {
    BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
    buffer.put("a");
    expect(buffer.offer("b", 0, TimeUnit.MILLISECONDS), "offer(\"b\", 0 ms) on a buffer of 2 with one item", true);
    expect(buffer.offer("c", 0, TimeUnit.MILLISECONDS), "offer(\"c\", 0 ms) on a full buffer of 2", false);
    expect(buffer.size(), "size() with two items", 2);
    expect(buffer.take(), "the first take() after putting a, b", "a");
    expect(buffer.poll(0, TimeUnit.MILLISECONDS), "poll(0 ms) with b left", "b");
    expect(buffer.poll(0, TimeUnit.MILLISECONDS), "poll(0 ms) on an empty buffer", null);
    expect(buffer.capacity(), "capacity() of new BoundedBuffer<>(2)", 2);
  }

  private static void expect(Object got, String call, Object wanted) {
    if (got == null ? wanted != null : !got.equals(wanted)) {
      throw new AssertionError(call + " gave " + got + " instead of " + wanted);
    }
  }
}
