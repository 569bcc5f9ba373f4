package forklab.shm;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
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
  private static final String CHILD_MAIN = "forklab.shm.IncrementerMain";

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

      runChildren(file, processes, incrementsEach);

      // Every child has exited; the lock documents that the count is read under the same rule.
      try (FileLock lock = channel.lock(0, Long.BYTES, false)) {
        return counter.getLong(0);
      }
    }
  }

  /** Starts every child before waiting for any; kills them all if anything goes wrong. */
  private static void runChildren(Path file, int processes, int incrementsEach)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    List<Process> children = new ArrayList<>(processes);
    boolean done = false;
    try {
      for (int i = 0; i < processes; i++) {
        ProcessBuilder builder =
            new ProcessBuilder(
                java,
                // A child does little work: start it fast, small and quiet.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-Xshare:auto",
                "-Xmx32m",
                "-cp",
                classPath,
                CHILD_MAIN,
                file.toAbsolutePath().toString(),
                Integer.toString(incrementsEach));
        // A child prints only when it fails: its stack trace goes into the exception below.
        builder.redirectErrorStream(true);
        Process child = builder.start();
        child.getOutputStream().close();
        children.add(child);
      }
      for (int i = 0; i < processes; i++) {
        Process child = children.get(i);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = child.waitFor();
        if (exitCode != 0) {
          throw new IOException(
              "child "
                  + i
                  + " (pid "
                  + child.pid()
                  + ") exited with code "
                  + exitCode
                  + ": "
                  + output.strip());
        }
      }
      done = true;
    } finally {
      if (!done) {
        for (Process child : children) {
          child.destroyForcibly();
        }
        for (Process child : children) {
          child.onExit().join();
        }
      }
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
