package forklab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import forklab.files.FileTrees;
import forklab.score.CheckResult;
import forklab.score.GradeResult;
import forklab.score.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exercise's fixtures ({@code grader/checks/<id>/fixtures}) are compiled against the skeleton
 * and put on the check JVM's class path, so that the code under test can run them in a child JVM of
 * its own (ex06's tasks), while the checks stay in memory.
 */
@Tag("slow")
@Timeout(300)
class CheckFixturesTest {
  @TempDir Path course;
  @TempDir Path scratch;

  private static final String GREETING =
      """
      package forklab.fixtures.plain;

      /** Run by a child JVM, as ex06's supervisor runs a task. */
      public final class Greeting {
        public static void main(String[] args) {
          System.out.println("hello from a fixture, " + forklab.plain.Plain.class.getSimpleName());
        }
      }
      """;

  private static final String FIXTURE_CHECKS =
      """
      package forklab.checks.plain;

      import static org.junit.jupiter.api.Assertions.assertEquals;

      import forklab.api.Check;
      import forklab.api.Checks;
      import forklab.api.Goal;
      import forklab.fixtures.plain.Greeting;
      import java.nio.charset.StandardCharsets;
      import java.nio.file.Path;
      import org.junit.jupiter.api.Test;

      @Checks
      class FixtureChecks {
        @Test
        @Check(goal = Goal.CORRECTNESS, points = 1, name = "a child JVM runs a fixture by name")
        void childRunsFixture() throws Exception {
          Process child =
              new ProcessBuilder(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-cp",
                      System.getProperty("java.class.path"),
                      Greeting.class.getName())
                  .redirectErrorStream(true)
                  .start();
          String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertEquals(0, child.waitFor(), output);
          assertEquals("hello from a fixture, Plain", output.strip());
        }

        @Test
        @Check(goal = Goal.CORRECTNESS, points = 1, name = "fixtures load from the class path")
        void fixturesComeFromTheClassPath() {
          assertEquals(ClassLoader.getSystemClassLoader(), Greeting.class.getClassLoader());
        }
      }
      """;

  @Test
  void theCodeUnderTestCanRunAFixtureInAChildJvmOfItsOwn() throws Exception {
    FileTrees.copy(Fixtures.echoCourse(), course);
    Path fixtures =
        Files.createDirectories(
            course.resolve("grader/checks/ex91-plain/fixtures/forklab/fixtures/plain"));
    Files.writeString(fixtures.resolve("Greeting.java"), GREETING);
    Files.writeString(
        course.resolve("grader/checks/ex91-plain/java/forklab/checks/plain/FixtureChecks.java"),
        FIXTURE_CHECKS);

    GradeResult grade =
        Fixtures.grade(
            Fixtures.workbench(course, scratch),
            Fixtures.echoSubmission("good"),
            List.of("ex91-plain"));

    assertThat(grade.infrastructureError()).isNull();
    for (String name :
        List.of("a child JVM runs a fixture by name", "fixtures load from the class path")) {
      CheckResult check = Fixtures.check(grade.exercises().get(0), name);
      assertThat(check.verdict()).as(name + ": " + check.feedback()).isEqualTo(Verdict.PASS);
    }
    assertThat(Fixtures.check(grade.exercises().get(0), "add adds").verdict())
        .isEqualTo(Verdict.PASS);
  }
}
