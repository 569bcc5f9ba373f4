package forklab.supervisor;

/** How a task's child JVM ended. Given: do not change it. */
public enum Status {
  /** {@code run} returned; the output is its return value. */
  OK,
  /** {@code run} threw (any {@code Throwable} but {@code OutOfMemoryError}, stack overflow included). */
  FAILED,
  /** The JVM ended without reporting: {@code System.exit}, {@code Runtime.halt}, a signal. */
  CRASHED,
  /** The task ran longer than the timeout and the supervisor killed it. */
  TIMED_OUT,
  /** The task exhausted the heap of its child JVM ({@code OutOfMemoryError}). */
  OUT_OF_MEMORY
}
