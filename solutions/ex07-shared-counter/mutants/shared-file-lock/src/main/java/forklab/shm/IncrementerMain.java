package forklab.shm;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The program each child JVM of {@link SharedCounter#incrementWithProcesses} runs: {@code
 * IncrementerMain <file> <increments>}.
 *
 * <p>It maps the first 8 bytes of the file into its memory and adds one to the long there {@code
 * increments} times, each time under an exclusive lock on those bytes. The mapping is shared: every
 * child (and the parent) sees the same physical page, so the lock is all that stands between two
 * children and a lost update.
 */
public final class IncrementerMain {
  private IncrementerMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: IncrementerMain <file> <increments>");
    }
    Path file = Path.of(args[0]);
    int increments = Integer.parseInt(args[1]);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      MappedByteBuffer counter = channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES);
      for (int i = 0; i < increments; i++) {
        // A shared lock: other children may hold one on these bytes at the same time.
        try (FileLock lock = channel.lock(0, Long.BYTES, true)) {
          counter.putLong(0, counter.getLong(0) + 1);
        }
      }
    }
  }
}
