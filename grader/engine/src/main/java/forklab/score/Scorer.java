package forklab.score;

import forklab.api.Goal;
import forklab.api.Measured;
import forklab.build.SourceProblem;
import forklab.course.ExerciseSpec;
import forklab.course.GoalKind;
import forklab.plan.PlannedCheck;
import forklab.protocol.RunnerEvent.CheckFinished;
import forklab.run.FrameLoss;
import forklab.run.RunOutcome;
import forklab.runner.SandboxRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The score stage: turns an {@link ExerciseAttempt} into checks with verdicts, points and feedback.
 * Text the submission controls (notes, messages, output) is capped here, see {@link Caps}.
 */
public final class Scorer {
  public static final String COMPILE_CHECK = "compiles";
  public static final String SAFETY_CHECK = "uses only allowed APIs";

  public ExerciseResult score(ExerciseAttempt attempt) {
    ExerciseSpec exercise = attempt.submitted().spec();
    List<CheckResult> checks = new ArrayList<>();
    List<String> notes = new ArrayList<>(Caps.notes(attempt.submitted().problems()));
    switch (attempt) {
      case ExerciseAttempt.Missing missing -> {
        String problem = String.join("\n", Caps.notes(missing.submitted().problems()));
        checks.add(
            compile(
                exercise,
                Verdict.FAIL,
                problem
                    + "\n  try next: submit your work in "
                    + exercise.id()
                    + "/src/main/java, as in the exercise you were given"));
        checks.add(safety(exercise, Verdict.FAIL, NOT_CHECKED));
        notRun(checks, attempt, "no submission for this exercise");
      }
      case ExerciseAttempt.NotCompiled notCompiled -> {
        checks.add(compile(exercise, Verdict.FAIL, compileErrors(exercise, notCompiled)));
        checks.add(safety(exercise, Verdict.FAIL, NOT_CHECKED));
        notRun(checks, attempt, "your code does not compile (see '" + COMPILE_CHECK + "')");
      }
      case ExerciseAttempt.Forbidden forbidden -> {
        checks.add(compile(exercise, Verdict.PASS, ""));
        checks.add(safety(exercise, Verdict.FAIL, violations(exercise, forbidden)));
        notRun(checks, attempt, "your code uses forbidden APIs (see '" + SAFETY_CHECK + "')");
      }
      case ExerciseAttempt.Ran ran -> {
        checks.add(compile(exercise, Verdict.PASS, ""));
        checks.add(safety(exercise, Verdict.PASS, ""));
        Map<String, String> names = names(attempt);
        for (PlannedCheck planned : attempt.suite().checks()) {
          checks.add(dynamicCheck(exercise, planned, ran.run(), names));
        }
        notes.addAll(runNotes(exercise, ran.run()));
      }
      case ExerciseAttempt.Broken broken -> {
        String notGraded = notGraded(broken.reason());
        Verdict before = broken.compiled() ? Verdict.PASS : Verdict.ERROR;
        checks.add(compile(exercise, before, broken.compiled() ? "" : notGraded));
        checks.add(safety(exercise, before, broken.compiled() ? "" : notGraded));
        for (PlannedCheck planned : attempt.suite().checks()) {
          checks.add(result(exercise, planned, Verdict.ERROR, notGraded, "", null, Duration.ZERO));
        }
      }
    }
    return new ExerciseResult(exercise.id(), exercise.title(), checks, notes);
  }

  private static final String NOT_CHECKED = "not checked: the code did not compile";

  private static void notRun(List<CheckResult> checks, ExerciseAttempt attempt, String reason) {
    ExerciseSpec exercise = attempt.submitted().spec();
    for (PlannedCheck planned : attempt.suite().checks()) {
      checks.add(
          result(exercise, planned, Verdict.FAIL, "not run: " + reason, "", null, Duration.ZERO));
    }
  }

  private static CheckResult compile(ExerciseSpec exercise, Verdict verdict, String feedback) {
    return synthetic(
        exercise,
        COMPILE_CHECK,
        GoalKind.of(Goal.COMPILE),
        exercise.compilePoints(),
        verdict,
        feedback);
  }

  private static CheckResult safety(ExerciseSpec exercise, Verdict verdict, String feedback) {
    return synthetic(exercise, SAFETY_CHECK, GoalKind.of(Goal.ARCHITECTURE), 0, verdict, feedback);
  }

  private static String compileErrors(
      ExerciseSpec exercise, ExerciseAttempt.NotCompiled notCompiled) {
    String errors =
        Caps.message(
            notCompiled.compile().errors().stream()
                .map(SourceProblem::describe)
                .collect(Collectors.joining("\n\n")));
    return "your code does not compile, so none of the other checks of "
        + exercise.id()
        + " could run\n\n"
        + errors
        + "\n\n  try next: fix the first error above (later ones often follow from it); on your machine,"
        + " ./mvnw -q compile -pl exercises/"
        + exercise.id()
        + " shows the same errors";
  }

  private static String violations(ExerciseSpec exercise, ExerciseAttempt.Forbidden forbidden) {
    String list =
        Caps.message(
            forbidden.violations().stream()
                .map(SourceProblem::describe)
                .collect(Collectors.joining("\n")));
    return "your code uses APIs that "
        + exercise.id()
        + " forbids, so it was not run and earns 0 on every other check\n"
        + list
        + "\n  try next: remove these uses; the exercise never needs them";
  }

  private static String notGraded(String reason) {
    return "not graded: the grader failed (" + Caps.message(reason) + "); this is not your fault";
  }

  private static Map<String, String> names(ExerciseAttempt attempt) {
    Map<String, String> names = new LinkedHashMap<>();
    attempt.suite().checks().forEach(check -> names.put(check.id(), check.name()));
    return names;
  }

  private static CheckResult dynamicCheck(
      ExerciseSpec exercise, PlannedCheck planned, RunOutcome run, Map<String, String> names) {
    CheckFinished event = run.finished().get(planned.id());
    if (event == null) {
      return result(
          exercise,
          planned,
          Verdict.FAIL,
          missingReason(exercise, planned, run, names),
          "",
          null,
          Duration.ZERO);
    }
    Measurement measurement = measurement(event.entries());
    String output = Caps.output(event.output());
    String message = Caps.message(event.message());
    return switch (event.status()) {
      case SUCCESSFUL ->
          result(exercise, planned, Verdict.PASS, "", output, measurement, event.duration());
      case ABORTED ->
          result(
              exercise,
              planned,
              Verdict.NOT_JUDGED,
              "not judged here: " + message,
              output,
              measurement,
              event.duration());
      default ->
          result(exercise, planned, Verdict.FAIL, message, output, measurement, event.duration());
    };
  }

  private static final String CHANNEL_BROKEN =
      "did not finish: your code closed the process's standard output"
          + " (FileDescriptor.out, or System.out after replacing it), on which the grader reports results, ";
  private static final String CHANNEL_ADVICE =
      "\n  try next: print with System.out and never close it; do not"
          + " open or close FileDescriptor.out yourself";

  private static String missingReason(
      ExerciseSpec exercise, PlannedCheck planned, RunOutcome run, Map<String, String> names) {
    var execution = run.execution();
    FrameLoss loss = run.loss();
    // When the runner got to the end, a check with no result surely ran: its frames were lost.
    if (loss.results().contains(planned.id()) || loss.frames() > 0 && run.completed()) {
      return LostResults.lost();
    }
    if (run.running().filter(planned.id()::equals).isPresent()) {
      if (execution.timedOut()) {
        return "did not finish: the checks of "
            + exercise.id()
            + " ran past their time limit of "
            + exercise.limits().timeLimitSeconds()
            + " s while this check was running, and were stopped"
            + "\n  try next: look for code that never finishes: an endless loop, a join on a thread that never"
            + " ends, waiting on a child process that never exits";
      }
      if (run.exhausted().isPresent()) {
        return "did not finish: the JVM running the checks gave out while this check ran ("
            + Caps.message(run.exhausted().get().message())
            + ")\n  try next: look for data that grows without bound, endless"
            + " recursion, or threads created in a loop";
      }
      if (execution.outOfMemory()) {
        return "did not finish: the JVM running the checks used more than its "
            + exercise.limits().memoryMb()
            + " MiB of memory while this check ran, and was killed\n  try next: look for data that grows without bound";
      }
      if (execution.exitCode() == SandboxRunner.CHANNEL_BROKEN) {
        return CHANNEL_BROKEN + "while this check was running" + CHANNEL_ADVICE;
      }
      if (loss.inDoubt()) {
        return LostResults.endedOrLost(execution.exitCode());
      }
      return "did not finish: the JVM running the checks ended (exit code "
          + execution.exitCode()
          + ") while this check was running\n  try next: do not call System.exit or Runtime.halt, and do not"
          + " let the JVM crash; return or throw instead";
    }
    String culprit =
        run.running()
            .map(id -> "the JVM stopped during the check '" + names.getOrDefault(id, id) + "'")
            .orElse(
                execution.timedOut()
                    ? "the checks ran past their time limit"
                    : execution.exitCode() == SandboxRunner.CHANNEL_BROKEN
                        ? "your code closed the process's standard output (FileDescriptor.out), so the grader could report"
                            + " no more results"
                        : "the JVM ended early (exit code " + execution.exitCode() + ")");
    if (loss.inDoubt()) {
      return LostResults.neverRanOrLost(culprit);
    }
    return "not run: " + culprit + ", so this check never got its turn; fix that one first";
  }

  private static List<String> runNotes(ExerciseSpec exercise, RunOutcome run) {
    List<String> notes = new ArrayList<>();
    if (run.loss().frames() > 0) {
      notes.add(LostResults.note());
    } else if (run.loss().brokenAtEnd()) {
      notes.add(LostResults.unverifiedNote());
    } else if (run.forgedLines() > 0) {
      // Every such line was followed by the next genuine frame, so none was a broken frame.
      notes.add(
          run.forgedLines()
              + " line(s) of output imitated Forklab's result channel and were ignored;"
              + " printing cannot change a result");
    }
    if (run.execution().timedOut()) {
      notes.add(
          "the checks of "
              + exercise.id()
              + " were stopped at their time limit of "
              + exercise.limits().timeLimitSeconds()
              + " s");
    }
    return notes;
  }

  /**
   * The measurement a check published in its report entries, or null when it published none or its
   * measured value is not a number. Malformed limits and series points are left out.
   */
  static Measurement measurement(Map<String, String> published) {
    Map<String, String> entries = legacySeries(published);
    if (!entries.containsKey(Measured.MEASURED)) {
      return null;
    }
    Map<String, Double> limits = new LinkedHashMap<>();
    Map<String, String> details = new LinkedHashMap<>();
    Map<String, List<Measurement.Point>> lines = new LinkedHashMap<>();
    entries.forEach(
        (key, value) -> {
          if (key.startsWith(Measured.DETAIL_PREFIX)) {
            details.put(key.substring(Measured.DETAIL_PREFIX.length()), value);
          } else if (key.startsWith(Measured.LIMIT_PREFIX)) {
            Double limit = number(value);
            if (limit != null) {
              limits.put(key.substring(Measured.LIMIT_PREFIX.length()), limit);
            }
          } else if (key.startsWith(Measured.SERIES_PREFIX)) {
            List<Measurement.Point> points = points(value);
            if (!points.isEmpty()) {
              lines.put(key.substring(Measured.SERIES_PREFIX.length()), points);
            }
          }
        });
    Double measured = number(entries.get(Measured.MEASURED));
    if (measured == null) {
      return null;
    }
    Double required = number(entries.getOrDefault(Measured.REQUIRED, "NaN"));
    return new Measurement(
        measured,
        Measurement.Direction.fromId(entries.get(Measured.DIRECTION)),
        required == null ? Double.NaN : required,
        entries.getOrDefault(Measured.UNIT, ""),
        limits,
        details,
        lines.isEmpty()
            ? Measurement.Series.NONE
            : new Measurement.Series(entries.getOrDefault(Measured.SERIES_AXIS, ""), lines));
  }

  /**
   * Until every check publishes {@value Measured#SERIES_AXIS}: the speedup judge's details {@code
   * series threads}, {@code series measured} and {@code series limit} (comma-separated) as series,
   * and its {@code calibrated limit} detail as a limit.
   */
  private static Map<String, String> legacySeries(Map<String, String> entries) {
    String threads = entries.get(Measured.DETAIL_PREFIX + "series threads");
    if (threads == null || entries.containsKey(Measured.SERIES_AXIS)) {
      return entries;
    }
    Map<String, String> rewritten = new LinkedHashMap<>(entries);
    rewritten.put(Measured.SERIES_AXIS, "threads");
    Map.of("measured", "series measured", "calibrated limit", "series limit")
        .forEach(
            (line, detail) -> {
              String values = rewritten.remove(Measured.DETAIL_PREFIX + detail);
              String[] xs = threads.split(",");
              String[] ys = values == null ? new String[0] : values.split(",");
              List<String> points = new ArrayList<>();
              for (int i = 0; i < Math.min(xs.length, ys.length); i++) {
                points.add(xs[i].strip() + ":" + ys[i].strip());
              }
              rewritten.put(Measured.SERIES_PREFIX + line, String.join(",", points));
            });
    rewritten.remove(Measured.DETAIL_PREFIX + "series threads");
    String limit = rewritten.remove(Measured.DETAIL_PREFIX + "calibrated limit");
    if (limit != null) {
      rewritten.put(Measured.LIMIT_PREFIX + "calibrated limit", limit);
    }
    return rewritten;
  }

  private static Double number(String text) {
    try {
      return text == null ? null : Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code x:y,x:y,...} as points; empty when any point is malformed. */
  private static List<Measurement.Point> points(String text) {
    List<Measurement.Point> points = new ArrayList<>();
    for (String pair : text.split(",")) {
      String[] xy = pair.split(":");
      Double x = xy.length == 2 ? number(xy[0]) : null;
      Double y = xy.length == 2 ? number(xy[1]) : null;
      if (x == null || y == null || !Double.isFinite(x)) {
        return List.of();
      }
      points.add(new Measurement.Point(x, y));
    }
    return points;
  }

  private static CheckResult result(
      ExerciseSpec exercise,
      PlannedCheck planned,
      Verdict verdict,
      String feedback,
      String output,
      Measurement measurement,
      Duration duration) {
    double score = verdict == Verdict.PASS ? planned.points() : 0;
    return new CheckResult(
        exercise.id(),
        planned.name(),
        planned.goal(),
        planned.hidden(),
        score,
        planned.points(),
        verdict,
        feedback,
        output,
        measurement,
        duration);
  }

  private static CheckResult synthetic(
      ExerciseSpec exercise,
      String name,
      GoalKind goal,
      double points,
      Verdict verdict,
      String feedback) {
    return new CheckResult(
        exercise.id(),
        name,
        goal,
        false,
        verdict == Verdict.PASS ? points : 0,
        points,
        verdict,
        feedback,
        "",
        null,
        Duration.ZERO);
  }
}
