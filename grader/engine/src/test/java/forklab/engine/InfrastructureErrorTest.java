package forklab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import forklab.cli.Forklab;
import forklab.files.FileTrees;
import forklab.sandbox.local.LocalSandbox;
import forklab.score.CheckResult;
import forklab.score.GradeResult;
import forklab.score.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the grader, not the student, is at fault: no score, exit 3, and nothing reads as a failure.
 */
@Tag("slow")
class InfrastructureErrorTest {
  @TempDir Path work;

  @Test
  void aBrokenCheckSuiteGivesErrorsNotFailures() throws Exception {
    Path course = work.resolve("course");
    FileTrees.copy(Fixtures.echoCourse(), course);
    Files.writeString(
        course.resolve("grader/checks/ex90-echo/java/forklab/checks/echo/UngradedChecks.java"),
        """
        package forklab.checks.echo;

        class UngradedChecks {
          @org.junit.jupiter.api.Test
          void hasNoPoints() {}
        }
        """);
    Workbench workbench = Fixtures.workbench(course, work.resolve("scratch"));

    GradeResult grade =
        Fixtures.grade(workbench, Fixtures.echoSubmission("good"), List.of("ex90-echo"));

    assertThat(grade.infrastructureError())
        .contains("has no @Check(goal, points, name), @CourseCheck or @Graded");
    assertThat(grade.checks()).extracting(CheckResult::verdict).containsOnly(Verdict.ERROR);
    assertThat(grade.checks())
        .allSatisfy(check -> assertThat(check.feedback()).endsWith("this is not your fault"));
    assertThat(grade.score()).isZero();
  }

  @Test
  void anExerciseThatNeedsTheContainerIsNotRunOutsideItWhenContainersAreRequired()
      throws Exception {
    Path course = work.resolve("course");
    FileTrees.copy(Fixtures.echoCourse(), course);
    Path descriptor = course.resolve("grader/checks/ex90-echo/exercise.yaml");
    Files.writeString(
        descriptor, Files.readString(descriptor).replace("sandbox: optional", "sandbox: required"));
    Workbench workbench = Fixtures.workbench(course, work.resolve("scratch"));

    GradeResult grade;
    try (LocalSandbox sandbox = new LocalSandbox(workbench.scratch())) {
      grade =
          workbench
              .grader(sandbox)
              .grade(
                  GradeOptions.of(Fixtures.echoSubmission("good"), List.of("ex90-echo"), 1)
                      .containerRequired(true),
                  List.of(),
                  line -> {});
    }

    assertThat(grade.infrastructureError())
        .isEqualTo(
            "ex90-echo: ex90-echo starts processes, so in CI it runs only in the Docker sandbox, and none was available");
    assertThat(grade.checks())
        .extracting(CheckResult::verdict)
        .doesNotContain(Verdict.FAIL, Verdict.PASS);
  }

  @Test
  void aMissingSandboxImageExitsThreeAndTheReportsSaySo() throws Exception {
    Path out = work.resolve("out");
    StringWriter err = new StringWriter();
    {
      int status =
          Forklab.execute(
              new String[] {
                "grade",
                Fixtures.echoSubmission("good").toString(),
                "--course",
                Fixtures.echoCourse().toString(),
                "--sandbox",
                "docker",
                "--sandbox-image",
                "forklab-no-such-image:never",
                "--out",
                out.toString()
              },
              new PrintWriter(new StringWriter(), true),
              new PrintWriter(err, true));

      assertThat(status).isEqualTo(3);
    }
    assertThat(err.toString())
        .contains("infrastructure error, no score was given: the docker sandbox could not be used");
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(results.path("extra_data").path("infrastructure_error").asText())
        .startsWith("the docker sandbox could not be used: ");
    assertThat(results.path("tests")).isEmpty();
    assertThat(Files.readString(out.resolve("summary.md"))).containsIgnoringCase("not your fault");
  }
}
