package forklab.report;

import static forklab.api.Feedback.STEP;

import forklab.course.GoalKind;
import forklab.report.Feedback.CheckFeedback;
import forklab.report.Feedback.ExerciseFeedback;
import forklab.report.Feedback.Fix;
import forklab.score.CheckResult;
import forklab.score.ExerciseResult;
import forklab.score.GoalScore;
import forklab.score.GradeResult;
import forklab.score.Scorer;
import forklab.score.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the {@link Feedback} document: the wording, grouping and choices of what to say. */
final class FeedbackBuilder {
  /** A method that still throws the skeleton's TODO, as the runner or AssertJ reports it. */
  static final Pattern TODO =
      Pattern.compile(
          "UnsupportedOperationException(?:\\(\"TODO\"\\)|: TODO)[\\s\\S]*?"
              + "\\bat ([\\w$.]+)\\.([\\w$<>]+)\\(([^:()\\s]+):(\\d+)\\)");

  /** A compiler's or the API check's {@code path:line[:col]: message} line. */
  static final Pattern SOURCE_LINE = Pattern.compile("(?m)^(\\S+\\.java):(\\d+)(?::\\d+)?: (.+)$");

  private FeedbackBuilder() {}

  static Feedback build(GradeResult grade) {
    String total = Text.points(grade.score(), grade.maxScore());
    List<ExerciseFeedback> exercises = new ArrayList<>();
    List<CheckFeedback> notJudged = new ArrayList<>();
    for (ExerciseResult exercise : grade.exercises()) {
      ExerciseFeedback built = exercise(grade, exercise);
      exercises.add(built);
      built.checks().stream().filter(c -> c.verdict().equals("not_judged")).forEach(notJudged::add);
    }
    return new Feedback(
        grade.hasInfrastructureError() ? "no score given" : total + " points",
        grade.hasInfrastructureError() ? Text.oneLine(grade.infrastructureError(), 2_000) : null,
        total,
        startHere(grade),
        table(grade),
        exercises,
        notJudged,
        grade.warnings().stream().map(w -> Text.oneLine(w, 1_000)).toList(),
        "Forklab "
            + Text.oneLine(String.valueOf(grade.version()), 100)
            + " · "
            + Text.oneLine(String.valueOf(grade.sandbox()), 100)
            + " sandbox · graded in "
            + Text.seconds(grade.elapsed())
            + " s",
        grade.startedAt() == null ? null : grade.startedAt().toString());
  }

  private static Feedback.ScoreTable table(GradeResult grade) {
    Set<GoalKind> goals = new TreeSet<>();
    grade.exercises().forEach(exercise -> goals.addAll(exercise.scoreByGoal().keySet()));
    List<Feedback.Row> rows = new ArrayList<>();
    for (ExerciseResult exercise : grade.exercises()) {
      Map<GoalKind, GoalScore> byGoal = exercise.scoreByGoal();
      rows.add(
          new Feedback.Row(
              title(exercise),
              Text.points(exercise.score(), exercise.maxScore()),
              goals.stream()
                  .map(byGoal::get)
                  .map(sum -> sum == null ? "–" : Text.points(sum.earned(), sum.max()))
                  .toList()));
    }
    return new Feedback.ScoreTable(
        goals.stream().map(GoalKind::id).toList(),
        rows,
        Text.points(grade.score(), grade.maxScore()));
  }

  private static ExerciseFeedback exercise(GradeResult grade, ExerciseResult exercise) {
    List<CheckResult> checks = exercise.checks();
    long passed = checks.stream().filter(CheckResult::passed).count();
    double percent =
        exercise.maxScore() > 0
            ? Math.max(0, Math.min(100, 100 * exercise.score() / exercise.maxScore()))
            : 0;
    return new ExerciseFeedback(
        exercise.id(),
        title(exercise),
        Text.points(exercise.score(), exercise.maxScore()),
        percent,
        checks.isEmpty()
            ? "No checks ran."
            : passed == checks.size()
                ? "All " + checks.size() + " checks passed."
                : "Passed " + passed + " of " + checks.size() + " checks.",
        exercise.notes().stream().map(note -> Text.oneLine(note, 1_000)).toList(),
        fixes(checks),
        checks.stream().map(check -> check(grade, check)).toList(),
        checks.stream().flatMap(check -> Charts.of(check).stream()).toList());
  }

  static CheckFeedback check(GradeResult grade, CheckResult check) {
    return new CheckFeedback(
        check.exercise(),
        Text.oneLine(check.name(), 300),
        check.verdict().id(),
        label(check.verdict()),
        check.goal().id(),
        Text.points(check.score(), check.maxScore()),
        check.hidden(),
        Text.clean(check.feedback()).strip(),
        Text.firstLine(check.feedback(), 300),
        check.verdict() == Verdict.NOT_JUDGED ? Text.notJudgedReason(check) : "",
        check.measurement() == null
            ? null
            : new Feedback.MeasurementFeedback(
                Text.measurementLine(check.measurement()),
                Text.details(check.measurement()).entrySet().stream()
                    .map(detail -> detail.getKey() + ": " + detail.getValue())
                    .toList()),
        Text.clean(check.output()),
        check.passed() ? "" : replay(grade, check));
  }

  static String label(Verdict verdict) {
    return switch (verdict) {
      case PASS -> "passed";
      case FAIL -> "missed";
      case NOT_JUDGED -> "not judged";
      case ERROR -> "could not run";
    };
  }

  /**
   * The command that grades {@code check} alone with the same seed: {@code ./forklab grade DIR
   * --exercise ID --check "NAME" --seed N}; empty when the grade does not know its submission.
   */
  static String replay(GradeResult grade, CheckResult check) {
    if (grade.replay() == null) {
      return "";
    }
    return "./forklab grade "
        + shellWord(grade.replay().submission())
        + (grade.replay().course().isEmpty()
            ? ""
            : " --course " + shellWord(grade.replay().course()))
        + " --exercise "
        + shellWord(check.exercise())
        + " --check "
        + quoted(check.name())
        + " --seed "
        + grade.replay().seed();
  }

  private static String shellWord(String word) {
    return word.matches("[\\w./+:=@%,-]+") ? word : quoted(word);
  }

  /** {@code "text"} when nothing in it means anything to a shell inside double quotes. */
  private static String quoted(String text) {
    String line = Text.oneLine(text, 300);
    return line.matches("[^\"$`\\\\!]*")
        ? "\"" + line + "\""
        : "'" + line.replace("'", "'\\''") + "'";
  }

  // ---- what to fix ----------------------------------------------------------------------------

  /** A reason shared by missed checks. */
  private record Reason(String headline, String advice) {}

  /**
   * The missed checks of one exercise as fixes, most points first: checks that wait on one method
   * still throwing TODO, or that failed with the same first line, are one fix.
   */
  static List<Fix> fixes(List<CheckResult> checks) {
    Map<Object, List<CheckResult>> byReason = new LinkedHashMap<>();
    Map<Object, Reason> reasons = new LinkedHashMap<>();
    for (CheckResult check : checks) {
      if (check.verdict() != Verdict.FAIL) {
        continue;
      }
      Optional<Todo> todo = todo(check.feedback());
      Object key = todo.isPresent() ? todo.get() : Text.firstLine(check.feedback(), 300);
      byReason.computeIfAbsent(key, k -> new ArrayList<>()).add(check);
      todo.ifPresent(
          t ->
              reasons.put(
                  t,
                  new Reason(
                      " wait on " + t.method() + ", which still throws TODO (" + t.where() + ")",
                      "replace that TODO with your implementation")));
    }
    List<Fix> fixes = new ArrayList<>();
    byReason.forEach(
        (key, missed) -> {
          double points = missed.stream().mapToDouble(CheckResult::maxScore).sum();
          List<String> names = missed.stream().map(c -> Text.oneLine(c.name(), 300)).toList();
          Reason reason = reasons.get(key);
          if (missed.size() == 1 && reason == null) {
            CheckResult only = missed.get(0);
            fixes.add(
                new Fix(
                    "Missed: " + names.get(0),
                    key.toString(),
                    evidence(only.feedback()),
                    tryNext(only.feedback()),
                    Text.points(points),
                    names));
          } else if (reason != null) {
            fixes.add(
                new Fix(
                    count(missed.size()) + reason.headline(),
                    "",
                    List.of(),
                    reason.advice(),
                    Text.points(points),
                    names));
          } else {
            fixes.add(
                new Fix(
                    count(missed.size()) + " missed: " + key,
                    "",
                    List.of(),
                    tryNext(missed.get(0).feedback()),
                    Text.points(points),
                    names));
          }
        });
    List<Fix> sorted = new ArrayList<>(fixes);
    sorted.sort(Comparator.comparingDouble((Fix fix) -> -Double.parseDouble(fix.points())));
    return sorted;
  }

  private static String count(int checks) {
    return checks == 1 ? "1 check" : checks + " checks";
  }

  /**
   * The {@code measured:}, {@code required:} and {@code step:} lines of a feedback, trimmed: the
   * steps are a sequence that led to the failure, such as a model checker's interleaving.
   */
  private static List<String> evidence(String feedback) {
    return feedback
        .lines()
        .map(String::strip)
        .filter(
            line ->
                line.startsWith("measured: ")
                    || line.startsWith("required: ")
                    || line.startsWith(STEP + ": "))
        .map(line -> Text.oneLine(line, 300))
        .toList();
  }

  /** The advice after {@code try next:} in a feedback, or empty. */
  private static String tryNext(String feedback) {
    Matcher advice = Pattern.compile("(?m)^\\s*try next:\\s*(.+)$").matcher(feedback);
    return advice.find() ? Text.oneLine(advice.group(1), 500) : "";
  }

  /** A method that still throws TODO: {@code Workers.inThreads} at {@code Workers.java:20}. */
  record Todo(String method, String where) {}

  static Optional<Todo> todo(String feedback) {
    Matcher todo = TODO.matcher(feedback);
    if (!todo.find()) {
      return Optional.empty();
    }
    String type = todo.group(1).substring(todo.group(1).lastIndexOf('.') + 1);
    return Optional.of(
        new Todo(
            Text.oneLine(type + "." + todo.group(2), 200),
            Text.oneLine(todo.group(3) + ":" + todo.group(4), 200)));
  }

  // ---- start here -----------------------------------------------------------------------------

  /**
   * The single most useful next step: the first exercise that is missing, does not compile or uses
   * a forbidden API; else the method still throwing TODO that blocks the most points; else the
   * missed check worth the most points.
   */
  static String startHere(GradeResult grade) {
    if (grade.hasInfrastructureError()) {
      return Text.NO_SCORE + " Grade again once the grader works; your code was not judged.";
    }
    for (ExerciseResult exercise : grade.exercises()) {
      for (CheckResult check : exercise.checks()) {
        if (check.verdict() != Verdict.FAIL) {
          continue;
        }
        Matcher source = SOURCE_LINE.matcher(Text.clean(check.feedback()));
        boolean found = source.find();
        if (check.name().equals(Scorer.COMPILE_CHECK)) {
          return found
              ? "Fix the compile error at "
                  + source.group(1)
                  + ":"
                  + source.group(2)
                  + " in "
                  + exercise.id()
                  + ": "
                  + Text.oneLine(source.group(3), 300)
                  + "; none of its checks can run until it compiles."
              : exercise.id() + ": " + Text.firstLine(check.feedback(), 300);
        }
        if (check.name().equals(Scorer.SAFETY_CHECK) && found) {
          return "Remove the forbidden API use at "
              + source.group(1)
              + ":"
              + source.group(2)
              + " in "
              + exercise.id()
              + ": "
              + Text.oneLine(source.group(3), 300)
              + "; none of its checks run while it is there.";
        }
      }
    }
    Map<Todo, double[]> blocked = new LinkedHashMap<>(); // {points, checks}
    Map<Todo, String> exerciseOf = new LinkedHashMap<>();
    for (CheckResult check : grade.checks()) {
      if (check.verdict() == Verdict.FAIL) {
        todo(check.feedback())
            .ifPresent(
                todo -> {
                  double[] sum = blocked.computeIfAbsent(todo, t -> new double[2]);
                  sum[0] += check.maxScore();
                  sum[1]++;
                  exerciseOf.putIfAbsent(todo, check.exercise());
                });
      }
    }
    Optional<Map.Entry<Todo, double[]>> mostBlocking =
        blocked.entrySet().stream()
            .max(Comparator.comparingDouble((Map.Entry<Todo, double[]> e) -> e.getValue()[0]));
    if (mostBlocking.isPresent()) {
      Todo todo = mostBlocking.get().getKey();
      double[] sum = mostBlocking.get().getValue();
      return "Implement "
          + todo.method()
          + " ("
          + todo.where()
          + " in "
          + exerciseOf.get(todo)
          + "), which still throws TODO: "
          + count((int) sum[1])
          + " worth "
          + Text.points(sum[0])
          + " points wait on it.";
    }
    Optional<CheckResult> worthMost =
        grade.checks().stream()
            .filter(check -> check.verdict() == Verdict.FAIL)
            .max(Comparator.comparingDouble(CheckResult::maxScore));
    if (worthMost.isPresent()) {
      CheckResult check = worthMost.get();
      String advice = tryNext(check.feedback());
      return "Look at '"
          + Text.oneLine(check.name(), 200)
          + "' in "
          + check.exercise()
          + " ("
          + Text.points(check.maxScore())
          + " points): "
          + Text.firstLine(check.feedback(), 300)
          + (advice.isEmpty() ? "" : "; try next: " + advice);
    }
    if (grade.checks().stream().anyMatch(check -> check.verdict() == Verdict.ERROR)) {
      return "Nothing of yours to fix: some checks could not run because of the grader; grade"
          + " again.";
    }
    if (grade.checks().stream().anyMatch(check -> check.verdict() == Verdict.NOT_JUDGED)) {
      return "Nothing missed; " + Text.NOT_JUDGED_EXPLANATION;
    }
    return "Nothing to fix: every check passed.";
  }

  private static String title(ExerciseResult exercise) {
    String title = Text.oneLine(exercise.title(), 200);
    return title.isEmpty() ? exercise.id() : exercise.id() + " — " + title;
  }
}
