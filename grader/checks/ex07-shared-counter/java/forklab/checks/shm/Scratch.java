package forklab.checks.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Fresh folders for the counter's file, what they hold, and their removal. */
final class Scratch {
  /** The name the checks give the counter's file. */
  static final String COUNTER = "counter.bin";

  private Scratch() {}

  /** A new empty folder under java.io.tmpdir. */
  static Path folder() throws IOException {
    return Files.createTempDirectory("forklab-shm-");
  }

  /** The names of the entries of {@code folder}, sorted. */
  static TreeSet<String> names(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .map(path -> path.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Deletes {@code folder} and everything in it; a mapping of a deleted file stays valid. */
  static void delete(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not clean up " + folder, e);
    }
  }

  /** A whole number with thousands separators, as students read it: 1,280,000. */
  static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /**
   * Rethrows the skeleton's {@code UnsupportedOperationException("TODO")} as it is, so that the
   * report says "not implemented yet" rather than quoting it as a wrong answer.
   */
  static void rethrowTodo(Exception thrown) {
    if (thrown instanceof UnsupportedOperationException todo && "TODO".equals(todo.getMessage())) {
      throw todo;
    }
  }

  /** What a call threw, in one line. */
  static String describe(Throwable thrown) {
    String text =
        thrown.getClass().getName()
            + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  /** The first {@code max} items of {@code items}, and how many more there are. */
  static String shorten(List<String> items, int max) {
    if (items.size() <= max) {
      return String.join("; ", items);
    }
    return String.join("; ", items.subList(0, max)) + "; and " + (items.size() - max) + " more";
  }
}
