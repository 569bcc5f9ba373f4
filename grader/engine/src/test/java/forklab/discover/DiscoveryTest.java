package forklab.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import forklab.course.Course;
import forklab.engine.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
  private static final String SECRET = "SECRET-7f3a91-do-not-copy";

  @TempDir Path root;
  @TempDir Path outside;

  private Path submission;
  private Path workspace;
  private Discovery discovery;

  @BeforeEach
  void setUp() throws IOException {
    Path home = root.resolve("home");
    write(
        home.resolve("grader/checks/ex01-first/exercise.yaml"),
        "id: ex01-first\ntitle: First\npackage: forklab.first\n");
    write(
        home.resolve("grader/checks/ex02-second/exercise.yaml"),
        "id: ex02-second\ntitle: Second\npackage: forklab.second\n");
    discovery = new Discovery(Course.load(home));
    submission = root.resolve("submission");
    workspace = root.resolve("workspace");
  }

  @Test
  void copiesAPresentExerciseAndFlagsAMissingOneNamingItsFolder() throws Exception {
    Path sources = submission.resolve("ex01-first/src/main/java");
    write(sources.resolve("forklab/first/Workers.java"), "package forklab.first; class Workers {}");
    write(
        sources.resolve("forklab/first/util/Pool.java"),
        "package forklab.first.util; class Pool {}");
    write(submission.resolve("ex01-first/README.md"), "outside src/main/java: not even looked at");

    List<SubmittedExercise> found = discovery.discover(submission, List.of(), workspace);

    assertThat(found)
        .extracting(exercise -> exercise.spec().id())
        .containsExactly("ex01-first", "ex02-second");
    SubmittedExercise first = found.get(0);
    Path target = workspace.resolve("ex01-first/src");
    assertThat(first.missing()).isFalse();
    assertThat(first.sourceRoot()).isEqualTo(target);
    assertThat(first.problems()).isEmpty();
    assertThat(first.sources())
        .containsExactlyInAnyOrder(
            target.resolve("forklab/first/Workers.java"),
            target.resolve("forklab/first/util/Pool.java"));
    assertThat(target.resolve("forklab/first/util/Pool.java"))
        .hasContent("package forklab.first.util; class Pool {}");
    assertThat(target.resolve("forklab/first/Workers.java"))
        .hasContent("package forklab.first; class Workers {}");

    SubmittedExercise second = found.get(1);
    assertThat(second.missing()).isTrue();
    assertThat(second.sources()).isEmpty();
    assertThat(second.sourceRoot()).isEqualTo(workspace.resolve("ex02-second/src"));
    assertThat(second.problems())
        .containsExactly(
            "no folder ex02-second/src/main/java in the submission, so this exercise earns 0;"
                + " keep the layout of the exercise you were given");
    assertThat(filesUnder(workspace))
        .containsExactlyInAnyOrder(
            target.resolve("forklab/first/Workers.java"),
            target.resolve("forklab/first/util/Pool.java"));
  }

  @Test
  void ignoresFilesThatAreNotJavaSourcesAndCountsThem() throws Exception {
    Path sources = submission.resolve("ex01-first/src/main/java");
    write(sources.resolve("forklab/first/Workers.java"), "class Workers {}");
    write(sources.resolve("forklab/first/Workers.class"), "compiled");
    write(sources.resolve("forklab/first/notes.txt"), "notes");
    write(sources.resolve("forklab/first/Workers.java~"), "backup");
    write(sources.resolve("app.properties"), "a=b");

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.problems())
        .containsExactly("ignored 4 file(s) that are not .java sources under src/main/java");
    assertThat(filesUnder(workspace))
        .containsExactly(workspace.resolve("ex01-first/src/forklab/first/Workers.java"));
  }

  @Test
  void gradesOnlyTheExercisesNamedWithExercise() throws Exception {
    write(submission.resolve("ex01-first/src/main/java/forklab/first/A.java"), "class A {}");
    write(submission.resolve("ex02-second/src/main/java/forklab/second/B.java"), "class B {}");

    List<SubmittedExercise> found =
        discovery.discover(submission, List.of("ex02-second"), workspace);

    assertThat(found).extracting(exercise -> exercise.spec().id()).containsExactly("ex02-second");
    assertThat(filesUnder(workspace))
        .containsExactly(workspace.resolve("ex02-second/src/forklab/second/B.java"));
  }

  @Test
  void gradesOnlyTheOneExerciseWhenTheSubmissionIsAnExerciseFolder() throws Exception {
    Path single = root.resolve("downloads/ex02-second");
    write(single.resolve("src/main/java/forklab/second/B.java"), "class B {}");

    List<SubmittedExercise> found = discovery.discover(single, List.of(), workspace);

    assertThat(found).hasSize(1);
    assertThat(found.getFirst().spec().id()).isEqualTo("ex02-second");
    assertThat(found.getFirst().missing()).isFalse();
    assertThat(found.getFirst().problems()).isEmpty();
    assertThat(found.getFirst().sources())
        .containsExactly(workspace.resolve("ex02-second/src/forklab/second/B.java"));
  }

  @Test
  void recognisesAnExerciseFolderGivenWithATrailingDot() throws Exception {
    Path single = root.resolve("downloads/ex02-second");
    write(single.resolve("src/main/java/forklab/second/B.java"), "class B {}");

    List<SubmittedExercise> found = discovery.discover(single.resolve("."), List.of(), workspace);

    assertThat(found).extracting(exercise -> exercise.spec().id()).containsExactly("ex02-second");
  }

  @Test
  void gradesAnExerciseFolderWhenExerciseNamesThatSameExercise() throws Exception {
    Path single = root.resolve("downloads/ex02-second");
    write(single.resolve("src/main/java/forklab/second/B.java"), "class B {}");

    List<SubmittedExercise> found = discovery.discover(single, List.of("ex02-second"), workspace);

    assertThat(found).extracting(exercise -> exercise.spec().id()).containsExactly("ex02-second");
    assertThat(found.getFirst().sources())
        .containsExactly(workspace.resolve("ex02-second/src/forklab/second/B.java"));
  }

  @Test
  void refusesASymlinkedFileInsideTheSourcesAndDoesNotCopyWhatItPointsTo() throws Exception {
    Path secret =
        write(outside.resolve("Secret.java"), "class Secret { String s = \"" + SECRET + "\"; }");
    Path sources = submission.resolve("ex01-first/src/main/java");
    write(sources.resolve("forklab/first/Workers.java"), "class Workers {}");
    Files.createSymbolicLink(sources.resolve("forklab/first/Secret.java"), secret);

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.problems())
        .containsExactly(
            "refused symbolic link src/main/java/forklab/first/Secret.java: submit real files");
    assertThat(first.sources())
        .containsExactly(workspace.resolve("ex01-first/src/forklab/first/Workers.java"));
    assertNoSecretUnder(workspace);
  }

  @Test
  void refusesASymlinkedFolderInsideTheSourcesAndDoesNotCopyWhatItPointsTo() throws Exception {
    write(
        outside.resolve("forklab/hidden/Secret.java"),
        "class Secret { String s = \"" + SECRET + "\"; }");
    Path sources = submission.resolve("ex01-first/src/main/java");
    write(sources.resolve("forklab/first/Workers.java"), "class Workers {}");
    Files.createSymbolicLink(
        sources.resolve("forklab/first/hidden"), outside.resolve("forklab/hidden"));

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.problems())
        .containsExactly(
            "refused symbolic link src/main/java/forklab/first/hidden: submit real files");
    assertThat(first.sources())
        .containsExactly(workspace.resolve("ex01-first/src/forklab/first/Workers.java"));
    assertNoSecretUnder(workspace);
  }

  @Test
  void refusesASymlinkedSourceFolder() throws Exception {
    write(
        outside.resolve("java/forklab/first/Secret.java"),
        "class Secret { String s = \"" + SECRET + "\"; }");
    Path main = Files.createDirectories(submission.resolve("ex01-first/src/main"));
    Files.createSymbolicLink(main.resolve("java"), outside.resolve("java"));

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.missing()).isTrue();
    assertThat(first.sources()).isEmpty();
    assertThat(first.problems())
        .containsExactly(
            "refused ex01-first/src/main/java: it is a symbolic link; submit real folders");
    assertNoSecretUnder(workspace);
  }

  @Test
  void refusesASymlinkedExerciseFolder() throws Exception {
    write(
        outside.resolve("ex01-first/src/main/java/forklab/first/Secret.java"),
        "class Secret { String s = \"" + SECRET + "\"; }");
    Files.createDirectories(submission);
    Files.createSymbolicLink(submission.resolve("ex01-first"), outside.resolve("ex01-first"));

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.missing()).isTrue();
    assertThat(first.problems())
        .containsExactly(
            "refused ex01-first/src/main/java: it is a symbolic link; submit real folders");
    assertNoSecretUnder(workspace);
  }

  @Test
  void refusesAFileOverTheSizeLimitAndKeepsOneExactlyAtIt() throws Exception {
    Path sources = submission.resolve("ex01-first/src/main/java/forklab/first");
    Files.createDirectories(sources);
    Files.write(sources.resolve("Big.java"), new byte[(int) Discovery.MAX_FILE_BYTES + 1]);
    Files.write(sources.resolve("Fits.java"), new byte[(int) Discovery.MAX_FILE_BYTES]);

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.problems())
        .containsExactly(
            "refused src/main/java/forklab/first/Big.java: 524289 bytes is over the 524288-byte limit per file");
    assertThat(first.sources())
        .containsExactly(workspace.resolve("ex01-first/src/forklab/first/Fits.java"));
  }

  @Test
  void refusesFilesBeyondTheFileCountLimit() throws Exception {
    Path sources = submission.resolve("ex01-first/src/main/java/forklab/first");
    for (int i = 0; i <= Discovery.MAX_FILES; i++) {
      write(sources.resolve("C" + i + ".java"), "class C" + i + " {}");
    }

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.sources()).hasSize(Discovery.MAX_FILES);
    assertThat(first.problems())
        .singleElement()
        .asString()
        .matches(
            "refused src/main/java/forklab/first/C\\d+\\.java: the exercise is over its limit of 200 files or 4194304 bytes");
  }

  @Test
  void refusesFilesBeyondTheTotalSizeLimit() throws Exception {
    Path sources = submission.resolve("ex01-first/src/main/java/forklab/first");
    Files.createDirectories(sources);
    for (int i = 0; i < 9; i++) {
      Files.write(sources.resolve("Part" + i + ".java"), new byte[500 * 1024]);
    }

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.sources()).hasSize(8);
    assertThat(first.problems())
        .singleElement()
        .asString()
        .matches(
            "refused src/main/java/forklab/first/Part\\d\\.java: the exercise is over its limit of 200 files or 4194304 bytes");
  }

  @Test
  void anEmptySourceFolderIsPresentWithNothingToCopy() throws Exception {
    Files.createDirectories(submission.resolve("ex01-first/src/main/java"));

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.missing()).isFalse();
    assertThat(first.sources()).isEmpty();
    assertThat(first.problems()).isEmpty();
  }

  @Test
  void failsForASubmissionFolderThatDoesNotExist() {
    Path nowhere = root.resolve("nowhere");

    assertThatThrownBy(() -> discovery.discover(nowhere, List.of(), workspace))
        .isInstanceOf(SubmissionException.class)
        .hasMessage("the submission folder " + nowhere + " does not exist or is not a folder");
  }

  @Test
  void failsForASubmissionThatIsAFile() throws IOException {
    Path file = write(root.resolve("submission.zip"), "PK");

    assertThatThrownBy(() -> discovery.discover(file, List.of(), workspace))
        .isInstanceOf(SubmissionException.class)
        .hasMessage("the submission folder " + file + " does not exist or is not a folder");
  }

  @Test
  void failsForAnUnknownExerciseIdNamingTheKnownOnes() throws IOException {
    Files.createDirectories(submission);

    assertThatThrownBy(
            () -> discovery.discover(submission, List.of("ex01-first", "ex09-nine"), workspace))
        .isInstanceOf(SubmissionException.class)
        .hasMessage("no exercise 'ex09-nine' in this course; known: ex01-first, ex02-second");
    assertThat(workspace).doesNotExist();
  }

  @Test
  void refusesFilesWhoseNamesAreNotValidTextAndCopiesTheRest() throws Exception {
    Path sources = submission.resolve("ex01-first/src/main/java/forklab/first");
    write(sources.resolve("Workers.java"), "package forklab.first; class Workers {}");
    // Both names decode to "A\ufffd.java": copied by their decoded names, the second would clash.
    Fixtures.shell(
        sources, "echo 'class A {}' > $'A\\xff.java' && echo 'class A {}' > $'A\\xfe.java'");

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.problems())
        .containsExactlyInAnyOrder(
            "refused src/main/java/forklab/first/A\\xff.java: its name is not valid "
                + nameEncoding()
                + "; rename it after the class it holds, in plain ASCII letters and digits",
            "refused src/main/java/forklab/first/A\\xfe.java: its name is not valid "
                + nameEncoding()
                + "; rename it after the class it holds, in plain ASCII letters and digits");
    assertThat(first.sources())
        .containsExactly(workspace.resolve("ex01-first/src/forklab/first/Workers.java"));
    assertThat(filesUnder(workspace))
        .containsExactly(workspace.resolve("ex01-first/src/forklab/first/Workers.java"));
  }

  @Test
  void refusesAFolderWhoseNameIsNotValidTextWithEverythingInIt() throws Exception {
    Path sources = submission.resolve("ex01-first/src/main/java/forklab");
    write(sources.resolve("first/Workers.java"), "package forklab.first; class Workers {}");
    Fixtures.shell(sources, "mkdir $'d\\xe9j\\xe0' && echo 'class B {}' > $'d\\xe9j\\xe0/B.java'");

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.problems())
        .containsExactly(
            "refused folder src/main/java/forklab/d\\xe9j\\xe0 and all it holds: its name is not valid "
                + nameEncoding()
                + "; rename it after the package it holds, in plain ASCII letters and digits");
    assertThat(filesUnder(workspace))
        .containsExactly(workspace.resolve("ex01-first/src/forklab/first/Workers.java"));
  }

  @Test
  void refusesAFolderWhosePathIsTooLongForTheWorkspaceAndCopiesTheRest() throws Exception {
    // A workspace path near PATH_MAX (4096 bytes): the submission's 616-character path fits where
    // it is, but not in the workspace.
    Path deepWorkspace = root;
    for (int i = 0; i < 15; i++) {
      deepWorkspace = deepWorkspace.resolve("w".repeat(250));
    }
    Path sources = submission.resolve("ex01-first/src/main/java/forklab/first");
    write(sources.resolve("Workers.java"), "package forklab.first; class Workers {}");
    write(
        sources
            .resolve("p".repeat(200))
            .resolve("q".repeat(200))
            .resolve("r".repeat(200))
            .resolve("Deep.java"),
        "class Deep {}");

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), deepWorkspace).getFirst();

    assertThat(first.problems())
        .containsExactly(
            "refused folder src/main/java/forklab/first/"
                + "p".repeat(106)
                + "\u2026 and all it holds: its path under"
                + " src/main/java is 616 characters, over the limit of 500; use shorter folder and file names");
    assertThat(first.sources())
        .containsExactly(deepWorkspace.resolve("ex01-first/src/forklab/first/Workers.java"));
  }

  @Test
  void refusesFoldersNestedDeeperThanTheSystemCanNameAndCopiesWhatLiesAbove() throws Exception {
    Path sources = submission.resolve("ex01-first/src/main/java/forklab/first");
    write(sources.resolve("Workers.java"), "package forklab.first; class Workers {}");
    String name = "d".repeat(250);
    try {
      // Each folder is made relative to the last: their absolute path is longer than PATH_MAX.
      Fixtures.shell(
          sources,
          "mkdir "
              + name
              + " && echo 'class Level1 {}' > "
              + name
              + "/Level1.java && cd "
              + name
              + " && for i in $(seq 20); do mkdir "
              + name
              + " && cd "
              + name
              + "; done && echo 'class Deep {}' > Deep.java");

      SubmittedExercise first =
          discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

      assertThat(first.problems())
          .containsExactly(
              "refused folder src/main/java/forklab/first/"
                  + "d".repeat(106)
                  + "\u2026 and all it holds: its path under"
                  + " src/main/java is 515 characters, over the limit of 500; use shorter folder and file names");
      assertThat(first.sources())
          .containsExactlyInAnyOrder(
              workspace.resolve("ex01-first/src/forklab/first/Workers.java"),
              workspace.resolve("ex01-first/src/forklab/first/" + name + "/Level1.java"));
    } finally {
      // JUnit cannot delete a tree deeper than PATH_MAX; rm can.
      Fixtures.shell(sources, "rm -rf " + name);
    }
  }

  @Test
  void leavesOutFilesAndFoldersItCannotReadWithANoteAndCopiesTheRest() throws Exception {
    assumeFalse(System.getProperty("user.name").equals("root"), "root reads any file");
    Path sources = submission.resolve("ex01-first/src/main/java/forklab/first");
    write(sources.resolve("Workers.java"), "package forklab.first; class Workers {}");
    Path locked = write(sources.resolve("Locked.java"), "package forklab.first; class Locked {}");
    write(sources.resolve("closed/Inside.java"), "package forklab.first.closed; class Inside {}");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(
        sources.resolve("closed"), PosixFilePermissions.fromString("---------"));

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.problems())
        .containsExactlyInAnyOrder(
            "could not read src/main/java/forklab/first/Locked.java: permission denied; make it readable (chmod -R a+rX)"
                + " and submit it again",
            "could not read src/main/java/forklab/first/closed: permission denied; make it readable (chmod -R a+rX) and"
                + " submit it again");
    assertThat(first.sources())
        .containsExactly(workspace.resolve("ex01-first/src/forklab/first/Workers.java"));
  }

  /** How the JVM decodes file names, as the notes name it. */
  private static String nameEncoding() {
    return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).name();
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void refusesASymlinkedSrcFolderThatLeadsOutOfTheSubmission() throws Exception {
    write(
        outside.resolve("main/java/forklab/first/Secret.java"),
        "class Secret { String s = \"" + SECRET + "\"; }");
    Files.createDirectories(submission.resolve("ex01-first"));
    Files.createSymbolicLink(submission.resolve("ex01-first/src"), outside);

    SubmittedExercise first =
        discovery.discover(submission, List.of("ex01-first"), workspace).getFirst();

    assertThat(first.missing()).isTrue();
    assertThat(first.problems())
        .containsExactly(
            "refused ex01-first/src/main/java: it is a symbolic link; submit real folders");
    assertThat(filesUnder(workspace)).isEmpty();
  }

  @Test
  void aSingleExerciseFolderIsNotGradedAsAnotherExercise() throws Exception {
    Path second = submission.resolve("ex02-second");
    write(
        second.resolve("src/main/java/forklab/second/Two.java"),
        "package forklab.second; class Two {}");

    assertThatThrownBy(() -> discovery.discover(second, List.of("ex01-first"), workspace))
        .isInstanceOf(SubmissionException.class)
        .hasMessage(
            "the submission is exercise ex02-second, but --exercise asked for [ex01-first]");
  }

  private static List<Path> filesUnder(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).toList();
    }
  }

  private static void assertNoSecretUnder(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.forEach(
          path -> {
            assertThat(Files.isSymbolicLink(path)).as("symbolic link %s", path).isFalse();
            if (Files.isRegularFile(path)) {
              try {
                assertThat(Files.readString(path)).as(path.toString()).doesNotContain(SECRET);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          });
    }
  }
}
