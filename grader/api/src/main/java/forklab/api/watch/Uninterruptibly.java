package forklab.api.watch;

/** Waits that a check must see through to the end, even when its own thread is interrupted. */
public final class Uninterruptibly {
  private Uninterruptibly() {}

  /** Joins {@code thread}, waiting on through interrupts and restoring the flag afterwards. */
  public static void join(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
