package forklab.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One counter, many incrementers: child processes that share a memory-mapped file and exclude each
 * other with a file lock, or threads of this process that share a field and exclude each other with
 * an atomic instruction.
 */
public final class SharedCounter {
  private SharedCounter() {}

  /**
   * Starts {@code processes} child JVMs at once; each adds 1 to the long at the start of {@code
   * file}, mapped into its memory, {@code incrementsEach} times under an exclusive file lock.
   * Returns the final count, {@code processes * incrementsEach}. The file is created if absent and
   * the count starts at 0 whatever it held; no child outlives the call, and no other file is made.
   */
  public static long incrementWithProcesses(Path file, int processes, int incrementsEach)
      throws IOException, InterruptedException {
    Objects.requireNonNull(file, "file");
    if (processes < 0 || incrementsEach < 0) {
      throw new IllegalArgumentException(
          "processes and incrementsEach must be >= 0, were " + processes + ", " + incrementsEach);
    }
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      // Whatever the file held: cut it to nothing, and the mapping grows it to 8 zero bytes.
      channel.truncate(0);
      MappedByteBuffer counter = channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES);
      counter.putLong(0, 0L);
      counter.force();

      // Threads start far faster than JVMs, and they share the mapping just as well.
      Object guard = new Object();
      List<Thread> workers = new ArrayList<>(processes);
      for (int p = 0; p < processes; p++) {
        workers.add(
            Thread.ofPlatform()
                .name("incrementer-" + p)
                .start(
                    () -> {
                      for (int i = 0; i < incrementsEach; i++) {
                        // One JVM may hold a file lock only once: the guard takes turns first.
                        synchronized (guard) {
                          try (FileLock lock = channel.lock(0, Long.BYTES, false)) {
                            counter.putLong(0, counter.getLong(0) + 1);
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                        }
                      }
                    }));
      }
      for (Thread worker : workers) {
        worker.join();
      }
      return counter.getLong(0);
    }
  }

  /**
   * Starts {@code threads} threads of this JVM at once; each adds 1 to one shared counter {@code
   * incrementsEach} times. Returns the final count, {@code threads * incrementsEach}; every thread
   * has ended when it returns.
   */
  public static long incrementWithThreads(int threads, int incrementsEach)
      throws InterruptedException {
    if (threads < 0 || incrementsEach < 0) {
      throw new IllegalArgumentException(
          "threads and incrementsEach must be >= 0, were " + threads + ", " + incrementsEach);
    }
    AtomicLong counter = new AtomicLong();
    List<Thread> workers = new ArrayList<>(threads);
    try {
      for (int t = 0; t < threads; t++) {
        workers.add(
            Thread.ofPlatform()
                .name("incrementer-" + t)
                .start(
                    () -> {
                      for (int i = 0; i < incrementsEach; i++) {
                        counter.incrementAndGet();
                      }
                    }));
      }
      for (Thread worker : workers) {
        worker.join();
      }
    } catch (InterruptedException e) {
      for (Thread worker : workers) {
        worker.interrupt();
      }
      throw e;
    }
    return counter.get();
  }
}
