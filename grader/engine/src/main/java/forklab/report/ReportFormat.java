package forklab.report;

import forklab.score.GradeResult;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One report format: renders a grade, and its {@link Feedback} document, into one file.
 *
 * <p>Formats are stateless and thread-safe: the same grade always renders to the same bytes
 * (UTF-8). Get them from {@link Reports}; a new format is one class plus one line in {@link
 * Reports#formats()}.
 */
public interface ReportFormat {

  /** The name to choose this format by, for example {@code json} or {@code html}. */
  String name();

  /** The name of the file inside the output folder, for example {@code results.json}. */
  String fileName();

  /**
   * Renders {@code grade} to {@code out} in UTF-8, with {@code feedback} (built from the same
   * grade) for everything a student reads. Flushes {@code out} but does not close it.
   */
  void write(Feedback feedback, GradeResult grade, OutputStream out) throws IOException;

  /** Renders {@code grade} to {@code out}, building its feedback document first. */
  default void write(GradeResult grade, OutputStream out) throws IOException {
    write(Feedback.of(grade), grade, out);
  }

  /** Writes {@code outDir/}{@link #fileName()}, building the feedback document first. */
  default Path write(GradeResult grade, Path outDir) throws IOException {
    return write(Feedback.of(grade), grade, outDir);
  }

  /**
   * Writes {@code outDir/}{@link #fileName()}, creating {@code outDir} when it is missing and
   * replacing an earlier file. The file appears whole or not at all: it is written beside its final
   * name and then moved into place.
   *
   * @return the path written
   */
  default Path write(Feedback feedback, GradeResult grade, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    Path target = outDir.resolve(fileName());
    // Not Files.createTempFile: its owner-only permissions would stick to the report.
    Path partial = outDir.resolve("." + fileName() + ".partial");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
        write(feedback, grade, out);
      }
      try {
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
    return target;
  }
}
