package forklab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import forklab.files.FileTrees;
import forklab.report.Reports;
import forklab.score.CheckResult;
import forklab.score.GradeResult;
import forklab.score.Verdict;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course adds a goal kind of its own (grader/course.yaml and {@code @CourseCheck}) and every
 * report carries it, with no change to Forklab.
 */
@Tag("slow")
@Timeout(300)
class CourseGoalTest {
  @TempDir Path course;
  @TempDir Path scratch;
  @TempDir Path out;

  private static final String FAIRNESS_CHECKS =
      """
      package forklab.checks.plain;

      import static org.junit.jupiter.api.Assertions.assertEquals;

      import forklab.api.Checks;
      import forklab.api.CourseCheck;
      import forklab.plain.Plain;
      import org.junit.jupiter.api.Test;

      @Checks
      class FairnessChecks {
        @Test
        @CourseCheck(goal = "%s", points = 3, name = "add is fair to both sides")
        void fair() {
          assertEquals(Plain.add(3, 2), Plain.add(2, 3));
        }
      }
      """;

  private Path courseWith(String goalInCheck) throws Exception {
    FileTrees.copy(Fixtures.echoCourse(), course);
    Files.writeString(
        course.resolve("grader/course.yaml"),
        """
        goals:
          - id: fairness
            description: every side gets its turn
        """);
    Files.writeString(
        course.resolve("grader/checks/ex91-plain/java/forklab/checks/plain/FairnessChecks.java"),
        FAIRNESS_CHECKS.formatted(goalInCheck));
    return course;
  }

  @Test
  void aGoalTheCourseDeclaresIsGradedAndReportedLikeForklabsOwn() throws Exception {
    GradeResult grade =
        Fixtures.grade(
            Fixtures.workbench(courseWith("fairness"), scratch),
            Fixtures.echoSubmission("good"),
            List.of("ex91-plain"));

    assertThat(grade.infrastructureError()).isNull();
    CheckResult fair = Fixtures.check(grade.exercises().get(0), "add is fair to both sides");
    assertThat(fair.goal().id()).isEqualTo("fairness");
    assertThat(fair.verdict()).isEqualTo(Verdict.PASS);
    assertThat(fair.score()).isEqualTo(3);
    assertThat(grade.exercises().get(0).scoreByGoal().keySet())
        .extracting(goal -> goal.id())
        .containsExactly("correctness", "architecture", "fairness", "compile");

    Reports.writeAll(grade, out);
    String results = Files.readString(out.resolve("results.json"));
    assertThat(results).contains("\"goal\" : \"fairness\"");
    try (InputStream schema =
        getClass().getResourceAsStream("/forklab/report/results.schema.json")) {
      assertThat(
              SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                  .getSchema(schema)
                  .validate(results, InputFormat.JSON))
          .isEmpty();
    }
    assertThat(Files.readString(out.resolve("summary.md")))
        .contains("| architecture | fairness | compile |");
    assertThat(Files.readString(out.resolve("junit.xml")))
        .contains("classname=\"ex91-plain.fairness\"");
  }

  @Test
  void aGoalNobodyDeclaredStopsTheCourseAndNamesTheGoalsThereAre() throws Exception {
    GradeResult grade =
        Fixtures.grade(
            Fixtures.workbench(courseWith("fairnes"), scratch),
            Fixtures.echoSubmission("good"),
            List.of("ex91-plain"));

    assertThat(grade.infrastructureError())
        .contains("judges goal 'fairnes'")
        .contains("grader/course.yaml")
        .contains("correctness, concurrency, isolation, speedup, architecture, fairness, compile");
  }
}
