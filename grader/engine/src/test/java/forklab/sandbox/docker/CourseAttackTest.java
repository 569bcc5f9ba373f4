package forklab.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import forklab.cli.Forklab;
import forklab.course.Course;
import forklab.course.ExerciseSpec;
import forklab.engine.Fixtures;
import forklab.verify.Mutants;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attacks on the process handling of the course's own exercises: each case is a reference solution
 * with a hostile file laid over it ({@code src/test/fixtures/course-attacks/<case>}), graded
 * through the command line on the check its {@code ATTACK.md} names. The check must catch it, the
 * grade must end normally, and the host must be left as it was: no container, no process and no
 * file of the sandbox user.
 */
@Tag("slow")
@Timeout(300)
class CourseAttackTest {
  static final Path CASES = Path.of("src/test/fixtures/course-attacks");
  static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> cases() throws IOException {
    List<String> names;
    try (Stream<Path> folders = Files.list(CASES)) {
      names = folders.map(folder -> folder.getFileName().toString()).sorted().toList();
    }
    List<Arguments> all = new ArrayList<>();
    for (String sandbox :
        System.getProperty("forklab.attackSandboxes", "docker,local").split(",")) {
      names.forEach(name -> all.add(Arguments.of(sandbox, name)));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{1} in the {0} sandbox")
  @MethodSource("cases")
  void theAttackIsCaughtAndLeavesNothingBehind(String sandbox, String name, @TempDir Path work)
      throws Exception {
    HostLeftovers.requireSandbox(sandbox);
    Path attack = CASES.resolve(name);
    String exerciseId = field(attack, "Exercise");
    String caughtBy = field(attack, "Caught by");
    Course course = Course.load(Fixtures.home());
    ExerciseSpec exercise = course.find(exerciseId).orElseThrow();
    Path submission = work.resolve("submission");
    Mutants.assemble(course, exercise, attack, submission);
    Set<String> volumesBefore = HostLeftovers.volumes();
    Path out = work.resolve("out");

    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int status =
        Forklab.execute(
            new String[] {
              "grade",
              submission.toString(),
              "--sandbox",
              sandbox,
              // CI grades an exercise that needs a container only in Docker; the local half is
              // what a student's own machine does.
              "--ci",
              Boolean.toString(sandbox.equals("docker")),
              "--exercise",
              exerciseId,
              "--check",
              caughtBy,
              "--out",
              out.toString(),
              "--seed",
              "13"
            },
            new PrintWriter(stdout, true),
            new PrintWriter(stderr, true));

    assertThat(status).as("exit status; stderr:%n%s", stderr).isZero();
    JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
    assertThat(results.path("extra_data").path("infrastructure_error").isNull())
        .as("infrastructure error: %s", results.path("extra_data").path("infrastructure_error"))
        .isTrue();
    JsonNode caught = null;
    for (JsonNode test : results.path("tests")) {
      if (test.path("extra_data").path("check").asText().equals(caughtBy)) {
        caught = test;
      }
    }
    assertThat(caught).as("the check '%s' in results.json", caughtBy).isNotNull();
    assertThat(caught.path("status").asText()).as("its status").isEqualTo("failed");
    assertThat(caught.path("score").asDouble()).as("its score").isZero();
    assertThat(caught.path("output").asText())
        .as("its feedback says what was measured")
        .contains("measured");
    Optional<String> cap = optionalField(attack, "Writes at most");
    if (cap.isPresent()) {
      Matcher wrote = Pattern.compile("wrote (\\d+) bytes").matcher(caught.toString());
      assertThat(wrote.find()).as("the attack says how much it wrote").isTrue();
      do {
        assertThat(Long.parseLong(wrote.group(1)))
            .as("bytes one process of the attack could write in the sandbox")
            .isLessThanOrEqualTo(Long.parseLong(cap.get()));
      } while (wrote.find());
    }
    assertThat(HostLeftovers.sandboxContainers()).as("sandbox containers left").isEmpty();
    assertThat(HostLeftovers.volumes()).as("docker volumes left").isSubsetOf(volumesBefore);
    assertThat(HostLeftovers.processesOf(AttackSuiteTest.SANDBOX_UID))
        .as("processes of the sandbox user left on the host")
        .isEmpty();
    assertThat(
            HostLeftovers.filesOf(
                AttackSuiteTest.SANDBOX_UID,
                List.of(work, Path.of(System.getProperty("java.io.tmpdir")))))
        .as("files of the sandbox user left on the host")
        .isEmpty();
  }

  /** A {@code Name: value} line of the case's ATTACK.md. */
  private static String field(Path attack, String name) throws IOException {
    return optionalField(attack, name)
        .orElseThrow(() -> new IllegalStateException(attack + "/ATTACK.md has no " + name));
  }

  private static Optional<String> optionalField(Path attack, String name) throws IOException {
    return Files.readAllLines(attack.resolve("ATTACK.md")).stream()
        .filter(line -> line.startsWith(name + ":"))
        .map(line -> line.substring(name.length() + 1).strip())
        .findFirst();
  }
}
