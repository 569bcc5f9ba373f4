package forklab.sandbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Kills a process with everything it started, including detached descendants. */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * Kills {@code root}, its descendants, and every process whose environment carries {@code
   * marker=value} (descendants that detached with {@code setsid} keep the marker).
   */
  static void kill(Process root, String marker, String value) throws InterruptedException {
    for (int round = 0; round < 3; round++) {
      List<ProcessHandle> tree =
          Stream.concat(root.descendants(), Stream.of(root.toHandle())).toList();
      tree.forEach(ProcessHandle::destroyForcibly);
      List<ProcessHandle> marked = marked(marker + "=" + value);
      marked.forEach(ProcessHandle::destroyForcibly);
      if (marked.isEmpty() && root.descendants().findAny().isEmpty()) {
        break;
      }
      Thread.sleep(50);
    }
    root.destroyForcibly();
  }

  /** Live processes whose environment holds {@code entry}; empty where /proc is not readable. */
  static List<ProcessHandle> marked(String entry) {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return List.of();
    }
    byte[] wanted = entry.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> entries = Files.list(proc)) {
      return entries
          .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(path -> environContains(path.resolve("environ"), wanted))
          .map(path -> ProcessHandle.of(Long.parseLong(path.getFileName().toString())))
          .flatMap(Optional::stream)
          .filter(handle -> handle.pid() != ProcessHandle.current().pid())
          .toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  private static boolean environContains(Path environ, byte[] wanted) {
    try {
      byte[] bytes = Files.readAllBytes(environ);
      outer:
      for (int start = 0; start + wanted.length <= bytes.length; start++) {
        if (start > 0 && bytes[start - 1] != 0) {
          continue;
        }
        for (int i = 0; i < wanted.length; i++) {
          if (bytes[start + i] != wanted[i]) {
            continue outer;
          }
        }
        return start + wanted.length == bytes.length || bytes[start + wanted.length] == 0;
      }
      return false;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}
