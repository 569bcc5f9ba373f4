package forklab.discover;

import forklab.course.Course;
import forklab.course.ExerciseSpec;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the exercises of a submission folder and copies their sources into a workspace.
 *
 * <p>The folder is either laid out like {@code exercises/} (one {@code exNN-name/} folder per
 * exercise) or is one such exercise folder.
 */
public final class Discovery {
  /** Limits on what one exercise may hold; beyond them the rest is refused with a message. */
  public static final int MAX_FILES = 200;

  public static final long MAX_FILE_BYTES = 512 * 1024;
  public static final long MAX_TOTAL_BYTES = 4 * 1024 * 1024;

  /** Longest path of a file or folder under {@code src/main/java}, so it fits in any workspace. */
  public static final int MAX_PATH_CHARS = 500;

  /** How much of an overlong path a note shows. */
  private static final int SHOWN_PATH_CHARS = 120;

  private final Course course;

  public Discovery(Course course) {
    this.course = course;
  }

  /**
   * The exercises to grade: those named in {@code only} (all when empty), or the one exercise that
   * {@code submission} is.
   */
  public List<SubmittedExercise> discover(Path submission, List<String> only, Path workspace)
      throws SubmissionException, IOException {
    if (!Files.isDirectory(submission)) {
      throw new SubmissionException(
          "the submission folder " + submission + " does not exist or is not a folder");
    }
    for (String id : only) {
      if (course.find(id).isEmpty()) {
        throw new SubmissionException(
            "no exercise '" + id + "' in this course; known: " + String.join(", ", course.ids()));
      }
    }
    String folderName = submission.toAbsolutePath().normalize().getFileName().toString();
    boolean singleExercise = course.find(folderName).isPresent();
    List<SubmittedExercise> found = new ArrayList<>();
    for (ExerciseSpec spec : course.exercises()) {
      boolean wanted =
          singleExercise
              ? spec.id().equals(folderName) && (only.isEmpty() || only.contains(spec.id()))
              : only.isEmpty() || only.contains(spec.id());
      if (wanted) {
        Path folder = singleExercise ? submission : submission.resolve(spec.id());
        found.add(copy(spec, folder, workspace.resolve(spec.id()).resolve("src")));
      }
    }
    if (singleExercise && found.isEmpty()) {
      throw new SubmissionException(
          "the submission is exercise " + folderName + ", but --exercise asked for " + only);
    }
    return found;
  }

  /**
   * Whether the exercise folder or any folder from it down to {@code sources} is a symbolic link.
   */
  private static boolean linkOnTheWay(Path exerciseFolder, Path sources) {
    Path current = exerciseFolder;
    if (Files.isSymbolicLink(current)) {
      return true;
    }
    for (Path part : exerciseFolder.relativize(sources)) {
      current = current.resolve(part);
      if (Files.isSymbolicLink(current)) {
        return true;
      }
    }
    return false;
  }

  private SubmittedExercise copy(ExerciseSpec spec, Path exerciseFolder, Path target)
      throws IOException {
    Path sources = exerciseFolder.resolve("src/main/java");
    List<String> problems = new ArrayList<>();
    Files.createDirectories(target);
    if (linkOnTheWay(exerciseFolder, sources)) {
      problems.add(
          "refused " + spec.id() + "/src/main/java: it is a symbolic link; submit real folders");
      return new SubmittedExercise(spec, List.of(), target, true, problems);
    }
    if (!Files.isDirectory(sources, LinkOption.NOFOLLOW_LINKS)) {
      problems.add(
          "no folder "
              + spec.id()
              + "/src/main/java in the submission, so this exercise earns 0;"
              + " keep the layout of the exercise you were given");
      return new SubmittedExercise(spec, List.of(), target, true, problems);
    }
    Path realSources = sources.toRealPath();
    Copier copier = new Copier(realSources, target, problems);
    Files.walkFileTree(realSources, copier);
    return new SubmittedExercise(spec, copier.copied, target, false, problems);
  }

  private static final class Copier extends SimpleFileVisitor<Path> {
    private final Path root;
    private final Path target;
    private final List<String> problems;
    private final List<Path> copied = new ArrayList<>();
    private long totalBytes;
    private int ignored;

    Copier(Path root, Path target, List<String> problems) {
      this.root = root;
      this.target = target;
      this.problems = problems;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
      if (attributes.isSymbolicLink()) {
        problems.add("refused symbolic link " + relative(dir) + ": submit real files");
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (dir.equals(root)) {
        return FileVisitResult.CONTINUE;
      }
      // What would otherwise fail to copy is refused here, naming the folder once.
      String unusable = unusable(dir, "the package it holds");
      if (unusable != null) {
        problems.add("refused folder " + shortened(dir) + " and all it holds: " + unusable);
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
      String name = relative(file);
      String unusable = unusable(file, "the class it holds");
      if (attributes.isSymbolicLink()) {
        problems.add("refused symbolic link " + name + ": submit real files");
      } else if (!attributes.isRegularFile() || !name.endsWith(".java")) {
        ignored++;
      } else if (unusable != null) {
        problems.add("refused " + shortened(file) + ": " + unusable);
      } else if (attributes.size() > MAX_FILE_BYTES) {
        problems.add(
            "refused "
                + name
                + ": "
                + attributes.size()
                + " bytes is over the "
                + MAX_FILE_BYTES
                + "-byte limit per file");
      } else if (copied.size() >= MAX_FILES || totalBytes + attributes.size() > MAX_TOTAL_BYTES) {
        problems.add(
            "refused "
                + name
                + ": the exercise is over its limit of "
                + MAX_FILES
                + " files or "
                + MAX_TOTAL_BYTES
                + " bytes");
      } else {
        Path destination = target.resolve(root.relativize(file).toString()).normalize();
        if (!destination.startsWith(target)) {
          problems.add("refused " + name + ": it lies outside the exercise folder");
          return FileVisitResult.CONTINUE;
        }
        Files.createDirectories(destination.getParent());
        try {
          Files.copy(file, destination, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException failure) {
          if (!file.toString().equals(failure.getFile())) {
            throw failure; // Writing the workspace failed: the grader's problem, not the
            // submission's.
          }
          problems.add(unreadable(file, failure));
          return FileVisitResult.CONTINUE;
        }
        totalBytes += attributes.size();
        copied.add(destination);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
      if (dir.equals(root) && ignored > 0) {
        problems.add(
            "ignored " + ignored + " file(s) that are not .java sources under src/main/java");
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException failure) {
      problems.add(unreadable(file, failure));
      return FileVisitResult.CONTINUE;
    }

    /**
     * The note for a file or folder of the submission that could not be read, without the grader's
     * paths.
     */
    private String unreadable(Path path, IOException failure) {
      String reason =
          failure instanceof AccessDeniedException
              ? "permission denied"
              : failure instanceof FileSystemException system && system.getReason() != null
                  ? system.getReason()
                  : failure.getClass().getSimpleName();
      return "could not read "
          + shortened(path)
          + ": "
          + reason
          + "; make it readable (chmod -R a+rX) and submit it again";
    }

    /**
     * Why {@code path} cannot be copied as it is, and what to do, or null. A name that is not valid
     * text could clash with another once copied; a long path may not fit in the workspace, whose
     * own path may be longer than the submission's.
     */
    private String unusable(Path path, String contents) {
      if (!SubmittedNames.readable(path)) {
        return "its name is not valid "
            + SubmittedNames.ENCODING
            + "; rename it after "
            + contents
            + ", in plain ASCII letters and digits";
      }
      int length = root.relativize(path).toString().length();
      if (length > MAX_PATH_CHARS) {
        return "its path under src/main/java is "
            + length
            + " characters, over the limit of "
            + MAX_PATH_CHARS
            + "; use shorter folder and file names";
      }
      return null;
    }

    private String shortened(Path path) {
      String shown = relative(path);
      int cut = "src/main/java/".length() + SHOWN_PATH_CHARS;
      return shown.length() > cut ? shown.substring(0, cut) + "\u2026" : shown;
    }

    /**
     * {@code path} as a student finds it in the submission, bytes that are not text shown as {@code
     * \xff}.
     */
    private String relative(Path path) {
      return "src/main/java/" + SubmittedNames.shown(root, path.toAbsolutePath().normalize());
    }
  }
}
