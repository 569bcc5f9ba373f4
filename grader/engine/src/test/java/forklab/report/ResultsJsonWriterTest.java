package forklab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import forklab.score.GradeResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResultsJsonWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = schema();

  private static Schema schema() {
    try (InputStream in = ResultsJsonWriter.class.getResourceAsStream("results.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String render(GradeResult grade) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Reports.resultsJson().write(grade, out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(GradeResult grade) throws IOException {
    return JSON.readTree(render(grade));
  }

  static Stream<GradeResult> grades() {
    return Grades.all().stream();
  }

  @ParameterizedTest
  @MethodSource("grades")
  void everyWrittenDocumentFollowsTheSchema(GradeResult grade) {
    List<Error> errors = SCHEMA.validate(render(grade), InputFormat.JSON);

    assertThat(errors).isEmpty();
  }

  @Test
  void schemaRejectsAnUnknownStatusAndAMissingMaxScore() throws IOException {
    ObjectNode broken = (ObjectNode) json(Grades.mixed());
    ObjectNode test = (ObjectNode) broken.get("tests").get(0);
    test.put("status", "ok");
    test.remove("max_score");

    List<Error> errors = SCHEMA.validate(broken.toString(), InputFormat.JSON);

    assertThat(errors)
        .extracting(Error::toString)
        .contains(
            "/tests/0/status: does not have a value in the enumeration [\"passed\", \"failed\"]")
        .contains("/tests/0: required property 'max_score' not found");
  }

  @Test
  void schemaRejectsADirectionOtherThanAtLeastOrAtMostAndLimitsThatAreNotNumbers()
      throws IOException {
    ObjectNode broken = (ObjectNode) json(Grades.mixed());
    ObjectNode measured = null;
    for (JsonNode test : broken.get("tests")) {
      if (test.at("/extra_data/direction").isTextual()) {
        measured = (ObjectNode) test.get("extra_data");
      }
    }
    assertThat(measured).as("a measured check in Grades.mixed()").isNotNull();
    assertThat(SCHEMA.validate(broken.toString(), InputFormat.JSON)).isEmpty();

    measured.put("direction", "sideways");
    measured.putObject("limits").put("calibrated limit", "high");

    assertThat(SCHEMA.validate(broken.toString(), InputFormat.JSON))
        .extracting(Error::toString)
        .anyMatch(error -> error.contains("direction"))
        .anyMatch(error -> error.contains("calibrated limit"));
  }

  @Test
  void schemaRejectsANotJudgedCheckReportedAsAFailure() throws IOException {
    ObjectNode broken = (ObjectNode) json(Grades.mixed());
    ObjectNode notJudged = (ObjectNode) broken.get("tests").get(7);
    assertThat(notJudged.at("/extra_data/verdict").asText()).isEqualTo("not_judged");
    notJudged.put("status", "failed");

    assertThat(SCHEMA.validate(broken.toString(), InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void writesTheTopLevelGradescopeFields() throws IOException {
    JsonNode root = json(Grades.mixed());

    assertThat(root.get("score").asDouble()).isEqualTo(8.0);
    assertThat(root.get("max_score").asDouble()).isEqualTo(15.0);
    assertThat(root.get("execution_time").asDouble()).isEqualTo(12.345);
    assertThat(root.get("output").asText())
        .isEqualTo(
            """
        Score: 8 / 15 points.
        Forklab 0.1.0, docker sandbox, 2 exercises in 12.345 s.
        1 check was not judged here: no points, not a failure. Re-run with --retry-unjudged or on a \
        machine with 2+ CPUs.""");
    assertThat(root.get("tests")).hasSize(8);
    assertThat(root.at("/extra_data/version").asText()).isEqualTo("0.1.0");
    assertThat(root.at("/extra_data/sandbox").asText()).isEqualTo("docker");
    assertThat(root.at("/extra_data/infrastructure_error").isNull()).isTrue();
    assertThat(root.at("/extra_data/started_at").asText()).isEqualTo("2025-03-04T10:15:30.250Z");
  }

  @Test
  void namesAndNumbersEachCheckByExerciseAndPosition() throws IOException {
    JsonNode overlap = json(Grades.mixed()).get("tests").get(2);

    assertThat(overlap.get("name").asText()).isEqualTo("ex01-workers: threads overlap");
    assertThat(overlap.get("number").asText()).isEqualTo("1.3");
    assertThat(overlap.get("status").asText()).isEqualTo("failed");
    assertThat(overlap.get("score").asDouble()).isZero();
    assertThat(overlap.get("max_score").asDouble()).isEqualTo(2.0);
    assertThat(overlap.get("visibility").asText()).isEqualTo("visible");
    assertThat(overlap.get("tags"))
        .extracting(JsonNode::asText)
        .containsExactly("concurrency", "hidden");
  }

  @Test
  void putsFeedbackMeasurementAndOutputIntoTheTestOutput() throws IOException {
    JsonNode overlap = json(Grades.mixed()).get("tests").get(2);

    assertThat(overlap.get("output").asText())
        .isEqualTo(
            Grades.OVERLAP_FEEDBACK
                + """


        measured 1.512 s, required at most 0.9 s, calibrated limit 1.2 s

        --- captured output ---
        worker 1 done
        worker 2 done""");
  }

  @Test
  void keepsForklabDataOfAMeasuredCheckUnderExtraData() throws IOException {
    JsonNode extra = json(Grades.mixed()).get("tests").get(2).get("extra_data");

    assertThat(extra.toString())
        .isEqualTo(
            """
        {"exercise":"ex01-workers","check":"threads overlap","goal":"concurrency","hidden":true,\
        "verdict":"fail","duration_seconds":1.612,"measured":1.512,"required":0.9,"unit":"s",\
        "direction":"at-most","details":{"cpu over wall":"1.0100"},"limits":{"calibrated limit":1.2}}""");
  }

  @Test
  void reportsANotJudgedCheckAsPassedWithNoPointsNeverAsAFailure() throws IOException {
    JsonNode notJudged = json(Grades.mixed()).get("tests").get(7);

    assertThat(notJudged.get("status").asText()).isEqualTo("passed");
    assertThat(notJudged.get("score").asDouble()).isZero();
    assertThat(notJudged.get("max_score").asDouble()).isEqualTo(3.0);
    assertThat(notJudged.at("/extra_data/verdict").asText()).isEqualTo("not_judged");
    assertThat(notJudged.get("output").asText())
        .isEqualTo(
            """
        not judged here: only 1 CPU here; a speedup needs 2 or more
        The machine could not judge this here; it earns no points and is not a failure. Re-run with \
        --retry-unjudged or on a machine with 2+ CPUs.""");
  }

  @Test
  void reportsAnErroredCheckAsFailedAndSaysItIsNotTheStudentsFault() throws IOException {
    JsonNode error = json(Grades.mixed()).get("tests").get(4);

    assertThat(error.get("status").asText()).isEqualTo("failed");
    assertThat(error.at("/extra_data/verdict").asText()).isEqualTo("error");
    assertThat(error.get("output").asText())
        .isEqualTo(
            """
        could not run: the check JVM did not start: exit code 137
        The check could not run because of a problem in the grader or the machine, not in your code.""");
  }

  @Test
  void recordsNoScoreAGradebookWouldTakeAfterAnInfrastructureError() throws IOException {
    JsonNode root = json(Grades.infrastructureError());

    // Gradescope takes the top-level score, or else the sum of the tests' scores: neither may be
    // there.
    assertThat(root.has("score")).isFalse();
    assertThat(root.get("tests"))
        .hasSize(8)
        .allSatisfy(test -> assertThat(test.has("score")).as(test.toString()).isFalse());
    assertThat(root.get("max_score").asDouble()).isEqualTo(15.0);
    assertThat(root.at("/extra_data/infrastructure_error").asText())
        .isEqualTo("the Docker engine stopped answering after 30 s");
    assertThat(root.get("output").asText())
        .startsWith(
            """
        No score was given; this is not your fault. The grader hit an infrastructure error: the Docker \
        engine stopped answering after 30 s
        The 8 / 15 points graded before the error are not a grade, so no score is recorded.
        """)
        .endsWith("Warning: Docker answered slowly; grading took longer than usual");
    assertThat(root.at("/extra_data/warnings/0").asText())
        .isEqualTo("Docker answered slowly; grading took longer than usual");
  }

  @Test
  void schemaRejectsAScoreAfterAnInfrastructureErrorAndAMissingScoreWithoutOne()
      throws IOException {
    ObjectNode scored = (ObjectNode) json(Grades.infrastructureError());
    scored.put("score", 8.0);
    ((ObjectNode) scored.get("tests").get(0)).put("score", 1.0);
    ObjectNode unscored = (ObjectNode) json(Grades.mixed());
    unscored.remove("score");
    ((ObjectNode) unscored.get("tests").get(0)).remove("score");

    assertThat(SCHEMA.validate(scored.toString(), InputFormat.JSON))
        .extracting(Error::toString)
        .contains("/tests/0: must not be valid to the schema {\"required\":[\"score\"]}");
    assertThat(SCHEMA.validate(unscored.toString(), InputFormat.JSON))
        .extracting(Error::toString)
        .contains(
            ": required property 'score' not found",
            "/tests/0: required property 'score' not found");
  }

  @Test
  void summarisesEachExerciseWithItsGoals() throws IOException {
    JsonNode primes = json(Grades.mixed()).at("/extra_data/exercises/1");

    assertThat(primes.toString())
        .isEqualTo(
            """
        {"id":"ex03-parallel-primes","title":"Speedup with threads","score":5.0,"max_score":10.0,\
        "notes":["time limit of 240 s hit after the last check"],"goals":{"correctness":{"score":0.0,\
        "max_score":2.0},"speedup":{"score":4.0,"max_score":7.0},"compile":{"score":1.0,"max_score":1.0}}}""");
  }

  @Test
  void writesNullForAMeasurementThatIsNotANumberAndCleansHostileOutput() throws IOException {
    JsonNode loud = json(Grades.hostile()).get("tests").get(0);

    assertThat(loud.at("/extra_data/measured").isNull()).isTrue();
    assertThat(loud.at("/extra_data/required").asDouble()).isEqualTo(0.9);
    assertThat(loud.get("output").asText())
        .contains("]]> <script>alert('x')</script> ``` </details> | ^@ ^[ red &amp;")
        .doesNotContain("\u0000", "\u001B")
        .hasSizeLessThan(2 * ResultsJsonWriter.OUTPUT_CAP + 1_000)
        .contains("more characters not shown");
  }
}
