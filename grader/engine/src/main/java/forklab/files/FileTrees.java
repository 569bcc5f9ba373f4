package forklab.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies and deletes whole folder trees. */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Deletes {@code root} and everything under it, as far as it can: a file that cannot be deleted
   * (the sandboxed code made it unreadable) stays until the system's temporary folder is cleaned.
   */
  public static void deleteQuietly(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // Best effort, as documented.
    }
  }

  /**
   * Copies the regular files under {@code from} to the same places under {@code to}, replacing any.
   */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path destination = to.resolve(from.relativize(file).toString());
        Files.createDirectories(destination.getParent());
        Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
