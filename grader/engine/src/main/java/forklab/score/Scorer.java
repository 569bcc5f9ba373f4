package forklab.score;

import forklab.api.Goal;
import forklab.api.Measured;
import forklab.build.SourceProblem;
import forklab.course.ExerciseSpec;
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
    checks.add(compileCheck(attempt));
    checks.add(safetyCheck(attempt));
    String notRun = notRunReason(attempt);
    for (PlannedCheck planned : attempt.suite().checks()) {
      if (notRun != null) {
        checks.add(
            result(exercise, planned, Verdict.FAIL, "not run: " + notRun, "", null, Duration.ZERO));
      } else if (attempt.infrastructureError().isPresent()) {
        checks.add(
            result(exercise, planned, Verdict.ERROR, notGraded(attempt), "", null, Duration.ZERO));
      } else {
        checks.add(dynamicCheck(exercise, planned, attempt.run().orElseThrow(), names(attempt)));
      }
    }
    attempt.run().ifPresent(run -> notes.addAll(runNotes(exercise, run)));
    return new ExerciseResult(exercise.id(), exercise.title(), checks, notes);
  }

  private static CheckResult compileCheck(ExerciseAttempt attempt) {
    ExerciseSpec exercise = attempt.submitted().spec();
    if (attempt.submitted().missing()) {
      String problem = String.join("\n", Caps.notes(attempt.submitted().problems()));
      return synthetic(
          exercise,
          COMPILE_CHECK,
          Goal.COMPILE,
          exercise.compilePoints(),
          Verdict.FAIL,
          problem
              + "\n  try next: submit your work in "
              + exercise.id()
              + "/src/main/java, as in the exercise you were given");
    }
    if (attempt.compile().isEmpty()) {
      return synthetic(
          exercise,
          COMPILE_CHECK,
          Goal.COMPILE,
          exercise.compilePoints(),
          Verdict.ERROR,
          notGraded(attempt));
    }
    var compile = attempt.compile().get();
    if (compile.succeeded()) {
      return synthetic(
          exercise, COMPILE_CHECK, Goal.COMPILE, exercise.compilePoints(), Verdict.PASS, "");
    }
    String errors =
        Caps.message(
            compile.errors().stream()
                .map(SourceProblem::describe)
                .collect(Collectors.joining("\n\n")));
    return synthetic(
        exercise,
        COMPILE_CHECK,
        Goal.COMPILE,
        exercise.compilePoints(),
        Verdict.FAIL,
        "your code does not compile, so none of the other checks of "
            + exercise.id()
            + " could run\n\n"
            + errors
            + "\n\n  try next: fix the first error above (later ones often follow from it); on your machine,"
            + " ./mvnw -q compile -pl exercises/"
            + exercise.id()
            + " shows the same errors");
  }

  private static CheckResult safetyCheck(ExerciseAttempt attempt) {
    ExerciseSpec exercise = attempt.submitted().spec();
    if (attempt.compile().isEmpty() && !attempt.submitted().missing()) {
      return synthetic(
          exercise, SAFETY_CHECK, Goal.ARCHITECTURE, 0, Verdict.ERROR, notGraded(attempt));
    }
    if (attempt.violations().isEmpty()) {
      boolean judged =
          !attempt.submitted().missing() && attempt.compile().map(c -> c.succeeded()).orElse(false);
      return synthetic(
          exercise,
          SAFETY_CHECK,
          Goal.ARCHITECTURE,
          0,
          judged ? Verdict.PASS : Verdict.FAIL,
          judged ? "" : "not checked: the code did not compile");
    }
    String list =
        Caps.message(
            attempt.violations().stream()
                .map(SourceProblem::describe)
                .collect(Collectors.joining("\n")));
    return synthetic(
        exercise,
        SAFETY_CHECK,
        Goal.ARCHITECTURE,
        0,
        Verdict.FAIL,
        "your code uses APIs that "
            + exercise.id()
            + " forbids, so it was not run and earns 0 on every other check\n"
            + list
            + "\n  try next: remove these uses; the exercise never needs them");
  }

  private static String notGraded(ExerciseAttempt attempt) {
    return "not graded: the grader failed ("
        + Caps.message(attempt.infrastructureError().orElse("unknown reason"))
        + "); this is not your fault";
  }

  private static String notRunReason(ExerciseAttempt attempt) {
    if (attempt.submitted().missing()) {
      return "no submission for this exercise";
    }
    if (attempt.compile().isEmpty()) {
      return null;
    }
    if (!attempt.compile().get().succeeded()) {
      return "your code does not compile (see '" + COMPILE_CHECK + "')";
    }
    if (!attempt.violations().isEmpty()) {
      return "your code uses forbidden APIs (see '" + SAFETY_CHECK + "')";
    }
    return null;
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

  private static Measurement measurement(Map<String, String> entries) {
    if (!entries.containsKey(Measured.MEASURED)) {
      return null;
    }
    Map<String, String> details = new LinkedHashMap<>();
    entries.forEach(
        (key, value) -> {
          if (key.startsWith(Measured.DETAIL_PREFIX)) {
            details.put(key.substring(Measured.DETAIL_PREFIX.length()), value);
          }
        });
    try {
      return new Measurement(
          Double.parseDouble(entries.get(Measured.MEASURED)),
          Double.parseDouble(entries.getOrDefault(Measured.REQUIRED, "NaN")),
          entries.getOrDefault(Measured.UNIT, ""),
          details);
    } catch (NumberFormatException e) {
      return null;
    }
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
      Goal goal,
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
