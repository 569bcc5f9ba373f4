package forklab.report;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import forklab.course.GoalKind;
import forklab.report.Feedback.CheckFeedback;
import forklab.score.CheckResult;
import forklab.score.ExerciseResult;
import forklab.score.GoalScore;
import forklab.score.GradeResult;
import forklab.score.Measurement;
import forklab.score.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: Gradescope's autograder format, with Forklab's own data under {@code
 * extra_data}. Validated by {@code forklab/report/results.schema.json}. After an infrastructure
 * error it has no {@code score}, neither at the top nor in any test.
 *
 * <p>Gradescope knows only {@code passed} and {@code failed}. A not-judged check is not a failure,
 * so it is {@code passed} with score 0 and its verdict {@code not_judged} in {@code extra_data}; an
 * errored check is {@code failed}.
 */
final class ResultsJsonWriter implements ReportFormat {
  /** Gradescope visibility of public tests and grader-made checks. */
  static final String PUBLIC_VISIBILITY = "visible";

  /**
   * Gradescope visibility of hidden checks. {@code visible} so students get their feedback at once;
   * {@code after_due_date} would hold hidden checks back until the deadline.
   */
  static final String HIDDEN_VISIBILITY = "visible";

  static final int FEEDBACK_CAP = 8_000;
  static final int OUTPUT_CAP = 8_000;

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  @Override
  public String name() {
    return "json";
  }

  @Override
  public String fileName() {
    return Reports.RESULTS_JSON;
  }

  @Override
  public void write(Feedback feedback, GradeResult grade, OutputStream out) throws IOException {
    JSON.writeValue(out, toJson(feedback, grade));
    out.write('\n');
    out.flush();
  }

  ObjectNode toJson(Feedback feedback, GradeResult grade) {
    ObjectNode root = JSON.createObjectNode();
    // No score at all after an infrastructure error: Gradescope would record the top-level score,
    // or else the sum of the tests' scores. Its format needs one of them, so it will not take the
    // file as a grade.
    boolean scored = !grade.hasInfrastructureError();
    if (scored) {
      root.put("score", Text.rounded(grade.score()));
    }
    root.put("max_score", Text.rounded(grade.maxScore()));
    root.put("execution_time", Text.rounded(seconds(grade.elapsed())));
    root.put("output", overallOutput(grade));
    ArrayNode tests = root.putArray("tests");
    List<ExerciseResult> exercises = grade.exercises();
    for (int e = 0; e < exercises.size(); e++) {
      List<CheckResult> checks = exercises.get(e).checks();
      for (int c = 0; c < checks.size(); c++) {
        CheckFeedback view = feedback.exercises().get(e).checks().get(c);
        tests.add(test((e + 1) + "." + (c + 1), checks.get(c), view, scored));
      }
    }
    root.set("extra_data", extraData(grade));
    return root;
  }

  private static String overallOutput(GradeResult grade) {
    StringBuilder text = new StringBuilder();
    if (grade.hasInfrastructureError()) {
      text.append(Text.NO_SCORE)
          .append(" The grader hit an infrastructure error: ")
          .append(Text.oneLine(grade.infrastructureError(), 1_000))
          .append("\nThe ")
          .append(Text.points(grade.score(), grade.maxScore()))
          .append(" points graded before the error are not a grade, so no score is recorded.\n");
    } else {
      text.append("Score: ")
          .append(Text.points(grade.score(), grade.maxScore()))
          .append(" points.\n");
    }
    text.append("Forklab ")
        .append(Text.oneLine(String.valueOf(grade.version()), 100))
        .append(", ")
        .append(Text.oneLine(String.valueOf(grade.sandbox()), 100))
        .append(" sandbox, ")
        .append(grade.exercises().size())
        .append(grade.exercises().size() == 1 ? " exercise" : " exercises")
        .append(" in ")
        .append(Text.seconds(grade.elapsed()))
        .append(" s.\n");
    long notJudged =
        grade.checks().stream().filter(check -> check.verdict() == Verdict.NOT_JUDGED).count();
    if (notJudged > 0) {
      text.append(notJudged)
          .append(notJudged == 1 ? " check was" : " checks were")
          .append(
              " not judged here: no points, not a failure. Re-run with --retry-unjudged or on a machine")
          .append(" with 2+ CPUs.\n");
    }
    for (String warning : grade.warnings()) {
      text.append("Warning: ").append(Text.oneLine(warning, 1_000)).append('\n');
    }
    return text.toString().strip();
  }

  private static ObjectNode test(
      String number, CheckResult check, CheckFeedback view, boolean scored) {
    ObjectNode test = JSON.createObjectNode();
    test.put("name", Text.oneLine(check.exercise() + ": " + check.name(), 300));
    test.put("number", number);
    if (scored) {
      test.put("score", Text.rounded(check.score()));
    }
    test.put("max_score", Text.rounded(check.maxScore()));
    test.put("status", status(check.verdict()));
    test.put("output", testOutput(check, view));
    test.put("visibility", check.hidden() ? HIDDEN_VISIBILITY : PUBLIC_VISIBILITY);
    test.putArray("tags").add(check.goal().id()).add(check.hidden() ? "hidden" : "public");

    ObjectNode extra = test.putObject("extra_data");
    extra.put("exercise", check.exercise());
    extra.put("check", check.name());
    extra.put("goal", check.goal().id());
    extra.put("hidden", check.hidden());
    extra.put("verdict", check.verdict().id());
    extra.put("duration_seconds", Text.rounded(seconds(check.duration())));
    Measurement measurement = check.measurement();
    if (measurement != null) {
      putNumber(extra, "measured", measurement.measured());
      putNumber(extra, "required", measurement.required());
      extra.put("unit", measurement.unit());
      extra.put("direction", measurement.direction().id());
      ObjectNode details = extra.putObject("details");
      Text.details(measurement).forEach(details::put);
      ObjectNode limits = extra.putObject("limits");
      measurement.limits().forEach((label, value) -> putNumber(limits, label, value));
    }
    return test;
  }

  /** Gradescope's status: only a failure or an error fails; a not-judged check never does. */
  static String status(Verdict verdict) {
    return switch (verdict) {
      case PASS, NOT_JUDGED -> "passed";
      case FAIL, ERROR -> "failed";
    };
  }

  private static String testOutput(CheckResult check, CheckFeedback view) {
    StringBuilder text = new StringBuilder();
    String feedback = Text.capped(check.feedback(), FEEDBACK_CAP).strip();
    switch (check.verdict()) {
      case PASS -> text.append(feedback.isEmpty() ? "passed" : feedback);
      case FAIL -> text.append(feedback.isEmpty() ? "failed" : feedback);
      case NOT_JUDGED ->
          text.append("not judged here: ")
              .append(view.notJudgedReason())
              .append('\n')
              .append(Text.NOT_JUDGED_EXPLANATION);
      case ERROR ->
          text.append("could not run: ")
              .append(feedback.isEmpty() ? "no message" : feedback)
              .append('\n')
              .append(Text.ERROR_EXPLANATION);
    }
    if (view.measurement() != null) {
      text.append("\n\n").append(view.measurement().line());
    }
    if (!check.output().isBlank()) {
      text.append("\n\n--- captured output ---\n")
          .append(Text.capped(check.output(), OUTPUT_CAP).stripTrailing());
    }
    return text.toString();
  }

  private static ObjectNode extraData(GradeResult grade) {
    ObjectNode extra = JSON.createObjectNode();
    extra.put("version", grade.version());
    extra.put("sandbox", grade.sandbox());
    extra.put("infrastructure_error", grade.infrastructureError());
    extra.put("started_at", grade.startedAt() == null ? null : grade.startedAt().toString());
    ArrayNode warnings = extra.putArray("warnings");
    grade.warnings().forEach(warning -> warnings.add(Text.clean(warning)));
    ArrayNode exercises = extra.putArray("exercises");
    for (ExerciseResult exercise : grade.exercises()) {
      ObjectNode summary = exercises.addObject();
      summary.put("id", exercise.id());
      summary.put("title", Text.clean(exercise.title()));
      summary.put("score", Text.rounded(exercise.score()));
      summary.put("max_score", Text.rounded(exercise.maxScore()));
      ArrayNode notes = summary.putArray("notes");
      exercise.notes().forEach(note -> notes.add(Text.clean(note)));
      ObjectNode goals = summary.putObject("goals");
      for (Map.Entry<GoalKind, GoalScore> goal : exercise.scoreByGoal().entrySet()) {
        goals
            .putObject(goal.getKey().id())
            .put("score", Text.rounded(goal.getValue().earned()))
            .put("max_score", Text.rounded(goal.getValue().max()));
      }
    }
    return extra;
  }

  // JSON has no NaN or infinity: a value that could not be measured is null.
  private static void putNumber(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, Text.rounded(value));
    } else {
      node.putNull(name);
    }
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
