package forklab.primes;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts primes in a range of {@code long} numbers, on one thread or on several.
 *
 * <p>Reference solution of ex03-parallel-primes. The parallel count hands out small blocks of
 * numbers from a shared cursor, so a thread that drew cheap numbers simply comes back for more:
 * primality tests get dearer as numbers grow, and equal halves would leave one thread idle.
 */
public final class PrimeCounter {
  /** Numbers per block: small enough to balance the load, large enough that the cursor is cold. */
  static final int BLOCK = 1024;

  private PrimeCounter() {}

  /**
   * The number of primes {@code p} with {@code fromInclusive <= p < toExclusive}, by trial division
   * on the calling thread. An empty or inverted range has none; numbers below 2 are not prime.
   */
  public static long countSequential(long fromInclusive, long toExclusive) {
    long count = 0;
    for (long n = Math.max(fromInclusive, 2); n < toExclusive; n++) {
      if (isPrime(n)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The same count as {@link #countSequential(long, long)}, computed by {@code threads} platform
   * threads that share the range block by block. Every thread has ended when this method returns.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   * @throws CancellationException if the calling thread is interrupted while it waits (its
   *     interrupt flag is set again, and the workers have stopped)
   */
  public static long countParallel(long fromInclusive, long toExclusive, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    long start = Math.max(fromInclusive, 2);
    if (start >= toExclusive) {
      return 0;
    }
    long length = toExclusive - start; // start >= 2, so this cannot overflow
    long blocks = length / BLOCK + (length % BLOCK == 0 ? 0 : 1);
    int workers = (int) Math.min(threads, blocks);

    // Blocks are handed out by index, so the cursor never runs past Long.MAX_VALUE.
    AtomicLong nextBlock = new AtomicLong();
    long[] counts = new long[workers];
    Thread[] pool = new Thread[workers];
    for (int w = 0; w < workers; w++) {
      int slot = w;
      pool[w] =
          Thread.ofPlatform()
              .name("prime-counter-", w)
              .start(
                  () -> {
                    long found = 0;
                    for (long b = nextBlock.getAndIncrement();
                        b < blocks && !Thread.currentThread().isInterrupted();
                        b = nextBlock.getAndIncrement()) {
                      long lo = start + b * BLOCK;
                      long hi = lo + Math.min(BLOCK, toExclusive - lo);
                      for (long n = lo; n < hi; n++) {
                        if (isPrime(n)) {
                          found++;
                        }
                      }
                    }
                    counts[slot] = found;
                  });
    }
    joinAll(pool);

    long total = 0;
    for (long found : counts) {
      total += found;
    }
    return total;
  }

  /** Joins every thread; if interrupted, stops the workers, still joins them, and cancels. */
  private static void joinAll(Thread[] pool) {
    boolean interrupted = false;
    for (Thread worker : pool) {
      while (true) {
        try {
          worker.join();
          break;
        } catch (InterruptedException e) {
          if (!interrupted) {
            interrupted = true;
            for (Thread other : pool) {
              other.interrupt();
            }
          }
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while counting primes");
    }
  }

  /** Trial division by 2 and the odd numbers up to the square root; {@code d <= n / d} cannot overflow. */
  static boolean isPrime(long n) {
    if (n < 2) {
      return false;
    }
    if (n < 4) {
      return true;
    }
    if (n % 2 == 0) {
      return false;
    }
    for (long d = 3; d <= n / d; d += 2) {
      if (n % d == 0) {
        return false;
      }
    }
    return true;
  }
}
