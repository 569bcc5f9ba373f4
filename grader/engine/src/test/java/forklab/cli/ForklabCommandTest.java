package forklab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import forklab.course.Goals;
import forklab.engine.Fixtures;
import forklab.files.FileTrees;
import forklab.sandbox.docker.TestcontainersEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class ForklabCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path submission;

  @Test
  void helpListsTheCommandsAndTheExitStatuses() {
    int status = run("--help");

    assertThat(status).isEqualTo(ExitCode.GRADED.code());
    assertThat(out.toString())
        .isEqualTo(
            """
        Usage: forklab [-hV] [COMMAND]
        Grades exercises on threads vs processes with hidden JUnit and ArchUnit checks.
          -h, --help      Show this help message and exit.
          -V, --version   Print version information and exit.
        Commands:
          grade   Grade a submission and write its reports to OUT.
          verify  Check that each reference earns full marks, each skeleton no hidden
                    points, each mutant loses points.
          help    Display help information about the specified command.

        Exit status:
          0   graded (whatever the score)
          1   graded, score below --fail-under (verify: an expectation failed)
          2   bad usage or unreadable submission
          3   infrastructure error: no score was given
        """);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void noArgumentsPrintTheSameUsage() {
    int status = run();

    assertThat(status).isEqualTo(ExitCode.GRADED.code());
    run("--help");
    String help = out.toString().substring(out.toString().length() / 2);
    assertThat(out.toString()).isEqualTo(help + help);
  }

  @Test
  void gradeHelpNamesItsArgumentOptionsAndExitStatuses() {
    int status = run("help", "grade");

    assertThat(status).isEqualTo(ExitCode.GRADED.code());
    assertThat(out.toString()).startsWith("Grade a submission and write its reports to OUT.\n");
    assertThat(out.toString())
        .contains("\nUsage: forklab grade [-hV] ", " DIR\n")
        .contains("\n      DIR                  a folder laid out like exercises/\n")
        .contains("\n      --exercise=ID        grade only this exercise (repeatable)\n")
        .contains(
            "\n      --fail-under=PCT     exit 1 when the score is below PCT percent (0 to 100)\n")
        .contains("\n      --sandbox=MODE       where the submission runs: auto, docker, local\n")
        .contains("\n      --out=OUT            where the reports go (default: grade-report)\n")
        .contains(
            "\n      --retry-unjudged=N   measure an exercise again, up to N times, while some\n")
        .contains("\n      --goal=GOAL          grade only the checks of this goal: correctness,\n")
        .contains("\n      --format=FORMAT[,FORMAT...]\n")
        .contains("\n      --sandbox-image=IMAGE\n")
        .endsWith(
            """

            Exit status:
              0   graded (whatever the score)
              1   graded, score below --fail-under
              2   bad usage or unreadable submission
              3   infrastructure error: no score was given

            Environment:
              --sandbox docker needs TESTCONTAINERS_RYUK_DISABLED=true and
              TESTCONTAINERS_HOST_OVERRIDE=localhost in the environment,
              which Testcontainers reads itself; ./forklab sets them.
            """);
  }

  @Test
  void printsTheVersion() {
    int status = run("--version");

    assertThat(status).isEqualTo(ExitCode.GRADED.code());
    assertThat(out.toString()).isEqualTo("forklab " + forklab.engine.Version.current() + "\n");
    assertThat(forklab.engine.Version.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void gradeWithoutAFolderIsABadUsage() {
    int status = run("grade");

    assertThat(status).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .startsWith("Missing required parameter: 'DIR'\n")
        .contains("Usage: forklab grade ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void gradeOfAFolderThatDoesNotExistIsABadUsageNamingTheFolder() {
    int status =
        run(
            "grade",
            "/does/not/exist",
            "--sandbox",
            "local",
            "--seed",
            "42",
            "--out",
            submission.resolve("out").toString());

    assertThat(status).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .isEqualTo(
            "forklab grade: the submission folder /does/not/exist does not exist or is not a folder\n");
    assertThat(out.toString()).isEmpty();
    assertThat(submission.resolve("out")).doesNotExist();
  }

  private static final String PREFIX =
      "forklab grade: infrastructure error, no score was given: the docker sandbox could not be used: ";

  @Test
  void gradeWithTheDockerSandboxNamesTheEnvironmentTestcontainersNeeds() {
    int status =
        Forklab.execute(
            new String[] {
              "grade",
              submission.toString(),
              "--sandbox",
              "docker",
              "--sandbox-image",
              "forklab-test/no-such-image:never",
              "--out",
              submission.resolve("out").toString()
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new Forklab(TestcontainersEnvironment.of(Map.of()), Sandboxes::open));

    assertThat(status).isEqualTo(ExitCode.INFRASTRUCTURE.code());
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            PREFIX
                + "the Docker sandbox needs TESTCONTAINERS_RYUK_DISABLED=true and"
                + " TESTCONTAINERS_HOST_OVERRIDE=localhost in the environment (Forklab removes its"
                + " own containers and pulls no helper image); ./forklab sets them\n");
    assertThat(submission.resolve("out/results.json"))
        .content()
        .contains("\"infrastructure_error\" : \"the docker sandbox could not be used: ");
  }

  @Test
  void aMissingOrUnreadableSubmissionIsRefusedBeforeAnySandboxOpens() {
    List<String> opened = new ArrayList<>();
    SandboxOpener opener =
        (request, scratch, warnings, errors) -> {
          opened.add(request.choice().name());
          throw new AssertionError("no sandbox may open");
        };
    Path file = submission.resolve("a-file");

    int missing =
        Forklab.execute(
            new String[] {"grade", "/does/not/exist", "--sandbox", "docker"},
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new Forklab(TestcontainersEnvironment.of(Map.of()), opener));
    int notAFolder;
    try {
      java.nio.file.Files.writeString(file, "x");
      notAFolder =
          Forklab.execute(
              new String[] {"grade", file.toString()},
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              new Forklab(TestcontainersEnvironment.of(Map.of()), opener));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    assertThat(missing).isEqualTo(ExitCode.USAGE.code());
    assertThat(notAFolder).isEqualTo(ExitCode.USAGE.code());
    assertThat(opened).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "forklab grade: the submission folder /does/not/exist does not exist or is not a folder\n"
                + "forklab grade: the submission folder "
                + file
                + " does not exist or is not a folder\n");
  }

  @Test
  void anUnknownGoalIsABadUsageNamingTheGoalsOfTheCourse() {
    int status =
        run(
            "grade",
            Fixtures.echoSubmission("good").toString(),
            "--course",
            Fixtures.echoCourse().toString(),
            "--goal",
            "speed");

    assertThat(status).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--goal': unknown goal 'speed'; the goals of this course are "
                + String.join(", ", Goals.builtIn().ids())
                + "\n")
        .contains("Usage: forklab grade ");
  }

  @Test
  void aGoalThatCannotBeAnIdIsABadUsageBeforeAnythingIsRead() {
    int status = run("grade", "x", "--goal", "fair ness");

    assertThat(status).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .startsWith("Invalid value for option '--goal' (GOAL): 'fair ness' is not a goal")
        .contains("Usage: forklab grade ");
  }

  @Test
  void anUnknownFormatIsABadUsageNamingTheFormats() {
    int status = run("grade", "x", "--format", "pdf");

    assertThat(status).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--format' (FORMAT): unknown format 'pdf'; the formats are"
                + " json, junit, markdown, html\n");
  }

  @Test
  void aNegativeRetryCountIsABadUsage() {
    int status = run("grade", "x", "--retry-unjudged", "-1");

    assertThat(status).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .startsWith("Invalid value for option '--retry-unjudged': 0 or more, not -1\n");
  }

  @Test
  void aSeedThatIsNotANumberIsABadUsage() {
    int status = run("verify", "--seed", "forty-two");

    assertThat(status).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .startsWith("Invalid value for option '--seed': 'forty-two' is not a long\n")
        .contains("Usage: forklab verify ");
  }

  @Test
  void theContractDocumentsEachExitStatusAsTheHelpDoes() throws Exception {
    String contract = java.nio.file.Files.readString(Fixtures.home().resolve("docs/contract.md"));

    for (ExitCode status : ExitCode.values()) {
      assertThat(contract).contains("| " + status.code() + " | " + status.meaning() + " |\n");
    }
  }

  @Test
  void inCiAnUntrustedSubmissionIsNeverRunWithoutIsolationButATrustedOneIs() throws Exception {
    Path course = forklab.engine.Fixtures.echoCourse();
    Path good = forklab.engine.Fixtures.echoSubmission("good");
    Path out = submission.resolve("out");
    String previous = System.setProperty("forklab.bubblewrap", "/nonexistent/bwrap");
    int refused;
    int trusted;
    String refusal;
    try {
      refused =
          run(
              "grade",
              good.toString(),
              "--course",
              course.toString(),
              "--exercise",
              "ex91-plain",
              "--sandbox",
              "local",
              "--ci",
              "true",
              "--out",
              out.toString());
      refusal = err.toString();
      trusted =
          run(
              "grade",
              good.toString(),
              "--course",
              course.toString(),
              "--exercise",
              "ex91-plain",
              "--sandbox",
              "local",
              "--ci",
              "true",
              "--trusted",
              "--out",
              submission.resolve("trusted").toString());
    } finally {
      if (previous == null) {
        System.clearProperty("forklab.bubblewrap");
      } else {
        System.setProperty("forklab.bubblewrap", previous);
      }
    }

    assertThat(refused).isEqualTo(ExitCode.INFRASTRUCTURE.code());
    assertThat(refusal)
        .contains(
            "forklab grade: infrastructure error, no score was given: the local sandbox could not"
                + " be used: neither Docker nor bubblewrap can isolate the submission here (bubblewrap is not installed",
            "and with CI=true untrusted code never runs without isolation; install Docker or bubblewrap"
                + " (apt-get install bubblewrap), or pass --trusted for code you trust");
    assertThat(out.resolve("results.json"))
        .content()
        .contains("\"infrastructure_error\" : \"the local sandbox");
    assertThat(trusted).isEqualTo(ExitCode.GRADED.code());
    assertThat(submission.resolve("trusted/results.json"))
        .content()
        .contains("\"infrastructure_error\" : null");
  }

  @Test
  void aFailUnderAbove100IsABadUsage() {
    int status = run("grade", "--fail-under", "150", "x");

    assertThat(status).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--fail-under': a percentage from 0 to 100, not 150\n")
        .contains("Usage: forklab grade ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aNegativeFailUnderIsABadUsage() {
    int status = run("grade", "--fail-under=-1", "x");

    assertThat(status).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--fail-under': a percentage from 0 to 100, not -1\n");
  }

  @Test
  void anUnknownSandboxIsABadUsageNamingTheChoices() {
    int status = run("grade", "x", "--sandbox", "vm");

    assertThat(status).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--sandbox': expected one of [auto, docker, local] (case-sensitive) but was 'vm'\n");
  }

  @Test
  void anUnknownCommandIsABadUsage() {
    int status = run("publish");

    assertThat(status).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).startsWith("Unmatched argument at index 0: 'publish'\n");
  }

  @Test
  void filesTheGraderCannotCopyAreLeftOutWithANoteAndEverythingElseIsGraded(@TempDir Path reports)
      throws Exception {
    FileTrees.copy(Fixtures.echoSubmission("good"), submission);
    Path echo = submission.resolve("ex90-echo/src/main/java/forklab/echo");
    String name = "d".repeat(250);
    int status;
    try {
      // Two names that are not UTF-8 and decode alike, and folders nested deeper than PATH_MAX.
      Fixtures.shell(
          echo,
          "echo 'package forklab.echo; class Draft {}' > $'Draft\\xff.java'"
              + " && echo 'package forklab.echo; class Draft {}' > $'Draft\\xfe.java'"
              + " && for i in $(seq 20); do mkdir "
              + name
              + " && cd "
              + name
              + "; done && echo 'class Deep {}' > Deep.java");

      status =
          run(
              "grade",
              submission.toString(),
              "--course",
              Fixtures.echoCourse().toString(),
              "--sandbox",
              "local",
              "--seed",
              "42",
              "--out",
              reports.toString());
    } finally {
      // JUnit cannot delete a tree deeper than PATH_MAX; rm can.
      Fixtures.shell(echo, "rm -rf " + name);
    }

    assertThat(status).as(err.toString()).isEqualTo(ExitCode.GRADED.code());
    assertThat(out.toString())
        .contains(
            String.format(Locale.ROOT, "%-28s %6s / %s%n", "ex90-echo", "12", "12"),
            String.format(Locale.ROOT, "%-28s %6s / %s%n", "ex91-plain", "3", "3"));
    assertThat(reports)
        .isDirectoryContaining("glob:**/results.json")
        .isDirectoryContaining("glob:**/junit.xml")
        .isDirectoryContaining("glob:**/summary.md")
        .isDirectoryContaining("glob:**/report.html");
    JsonNode exercises =
        new ObjectMapper()
            .readTree(reports.resolve("results.json").toFile())
            .path("extra_data")
            .path("exercises");
    String encoding = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).name();
    assertThat(exercises.get(0).path("notes").valueStream().map(JsonNode::asText).toList())
        .containsExactlyInAnyOrder(
            "refused src/main/java/forklab/echo/Draft\\xff.java: its name is not valid "
                + encoding
                + "; rename it after the class it holds, in plain ASCII letters and digits",
            "refused src/main/java/forklab/echo/Draft\\xfe.java: its name is not valid "
                + encoding
                + "; rename it after the class it holds, in plain ASCII letters and digits",
            "refused folder src/main/java/forklab/echo/"
                + "d".repeat(107)
                + "\u2026 and all it holds: its path under"
                + " src/main/java is 514 characters, over the limit of 500; use shorter folder and file names");
    assertThat(exercises.get(0).path("score").asDouble()).isEqualTo(12);
    assertThat(exercises.get(1).path("id").asText()).isEqualTo("ex91-plain");
    assertThat(exercises.get(1).path("score").asDouble()).isEqualTo(3);
    assertThat(exercises.get(1).path("notes")).isEmpty();
  }

  private int run(String... args) {
    return Forklab.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
