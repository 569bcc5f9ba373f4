package forklab.report;

import forklab.api.Goal;
import forklab.score.CheckResult;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import forklab.score.Verdict;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code summary.md}: the student-facing feedback as GitLab/GitHub-flavoured Markdown, fit to paste
 * as a merge-request comment. Text from the grade goes through {@link Neutraliser}, so a check's
 * name or feedback cannot turn into markup, a mention or a quick action; captured output goes into
 * fenced code blocks whose fence the output cannot close, and is capped so the comment stays small.
 */
final class SummaryWriter extends TextReportWriter {
  static final int FEEDBACK_CAP = 2_000;
  static final int FEEDBACK_LINES = 20;
  static final int OUTPUT_CAP = 1_500;
  /** Captured output shown in the whole summary; later excerpts are left to the other reports. */
  static final int OUTPUT_BUDGET = 20_000;


  @Override
  public String fileName() {
    return Reports.SUMMARY_MD;
  }

  @Override
  String render(GradeResult grade) {
    return new Rendering(grade).render();
  }

  /** One rendering, holding the output budget that is left. */
  private static final class Rendering {
    private final GradeResult grade;
    private final StringBuilder md = new StringBuilder();
    private int outputBudget = OUTPUT_BUDGET;

    Rendering(GradeResult grade) {
      this.grade = grade;
    }

    String render() {
      if (grade.hasInfrastructureError()) {
        line("# Forklab feedback: no score given");
        line();
        line("> **" + Text.NO_SCORE + "** The grader hit an infrastructure error: "
            + inline(Text.oneLine(grade.infrastructureError(), 500)));
        line("> The " + Text.points(grade.score(), grade.maxScore())
            + " points below were graded before the error and are not a grade.");
      } else {
        line("# Forklab feedback: " + Text.points(grade.score(), grade.maxScore()) + " points");
      }
      line();
      overview();
      for (ExerciseResult exercise : grade.exercises()) {
        exercise(exercise);
      }
      notJudged();
      warnings();
      line("---");
      line("Forklab " + inline(Text.oneLine(String.valueOf(grade.version()), 100))
          + " · " + inline(Text.oneLine(String.valueOf(grade.sandbox()), 100)) + " sandbox · graded in "
          + Text.seconds(grade.elapsed()) + " s");
      // Every line is already safe; this pass keeps it so whatever a later change adds.
      return Neutraliser.withoutQuickActions(md.toString());
    }

    private void overview() {
      if (grade.exercises().isEmpty()) {
        line("No exercise was graded.");
        line();
        return;
      }
      Set<Goal> goals = EnumSet.noneOf(Goal.class);
      grade.exercises().forEach(exercise -> goals.addAll(exercise.scoreByGoal().keySet()));
      StringBuilder header = new StringBuilder("| Exercise | Score |");
      StringBuilder rule = new StringBuilder("| --- | ---: |");
      for (Goal goal : goals) {
        header.append(' ').append(goal.id()).append(" |");
        rule.append(" ---: |");
      }
      line(header.toString());
      line(rule.toString());
      for (ExerciseResult exercise : grade.exercises()) {
        Map<Goal, double[]> byGoal = exercise.scoreByGoal();
        StringBuilder row = new StringBuilder("| ").append(cell(title(exercise))).append(" | ")
            .append(Text.points(exercise.score(), exercise.maxScore())).append(" |");
        for (Goal goal : goals) {
          double[] sums = byGoal.get(goal);
          row.append(' ').append(sums == null ? "–" : Text.points(sums[0], sums[1])).append(" |");
        }
        line(row.toString());
      }
      line("| **Total** | **" + Text.points(grade.score(), grade.maxScore()) + "** |" + " |".repeat(goals.size()));
      line();
    }

    private void exercise(ExerciseResult exercise) {
      List<CheckResult> checks = exercise.checks();
      line("## " + inline(title(exercise)) + ": " + Text.points(exercise.score(), exercise.maxScore()) + " points");
      line();
      long passed = checks.stream().filter(CheckResult::passed).count();
      line(checks.isEmpty()
          ? "No checks ran."
          : passed == checks.size() ? "All " + checks.size() + " checks passed." : "Passed " + passed + " of " + checks.size() + " checks.");
      line();
      if (!exercise.notes().isEmpty()) {
        exercise.notes().forEach(note -> line("- " + leading(Text.oneLine(note, 1_000))));
        line();
      }
      for (CheckResult check : checks) {
        if (check.verdict() == Verdict.FAIL) {
          problem("Missed", check);
        }
      }
      for (CheckResult check : checks) {
        if (check.verdict() == Verdict.ERROR) {
          problem("Could not run", check);
        }
      }
    }

    private void problem(String heading, CheckResult check) {
      line("### " + heading + ": " + inline(Text.oneLine(check.name(), 300)));
      line();
      line("Goal: **" + check.goal().id() + "** · " + Text.points(check.score(), check.maxScore()) + " points"
          + (check.hidden() ? " · hidden check" : ""));
      line();
      if (check.verdict() == Verdict.ERROR) {
        line(Text.ERROR_EXPLANATION + " It earned no points in this run.");
        line();
      }
      if (check.measurement() != null) {
        line(inline(Text.measurementLine(check.measurement())));
        line();
      }
      List<String> feedback = Text.feedbackLines(check.feedback(), FEEDBACK_LINES, FEEDBACK_CAP);
      if (!feedback.isEmpty()) {
        line(leading(feedback.get(0)));
        line();
        if (feedback.size() > 1) {
          feedback.subList(1, feedback.size()).forEach(more -> line("- " + leading(more)));
          line();
        }
      }
      output(check);
    }

    private void output(CheckResult check) {
      if (check.output().isBlank()) {
        return;
      }
      if (outputBudget <= 0) {
        line("_Captured output not shown here; see junit.xml or report.html._");
        line();
        return;
      }
      String excerpt = Text.capped(check.output(), Math.min(OUTPUT_CAP, outputBudget)).stripTrailing();
      outputBudget -= excerpt.length();
      line("<details><summary>Captured output</summary>");
      line();
      md.append(Neutraliser.codeBlock("text", excerpt));
      line();
      line("</details>");
      line();
    }

    private void notJudged() {
      List<CheckResult> notJudged =
          grade.checks().stream().filter(check -> check.verdict() == Verdict.NOT_JUDGED).toList();
      if (notJudged.isEmpty()) {
        return;
      }
      line("## Not judged here");
      line();
      line(Text.NOT_JUDGED_EXPLANATION);
      line();
      line("| Exercise | Check | Goal | Points | Reason |");
      line("| --- | --- | --- | ---: | --- |");
      for (CheckResult check : notJudged) {
        line("| " + cell(check.exercise()) + " | " + cell(check.name()) + " | " + check.goal().id() + " | "
            + Text.points(check.score(), check.maxScore()) + " | " + cell(Text.notJudgedReason(check)) + " |");
      }
      line();
    }

    private void warnings() {
      if (grade.warnings().isEmpty()) {
        return;
      }
      line("## Notes for whoever ran the grader");
      line();
      grade.warnings().forEach(warning -> line("- " + leading(Text.oneLine(warning, 1_000))));
      line();
    }

    private void line(String text) {
      md.append(text).append('\n');
    }

    private void line() {
      md.append('\n');
    }
  }

  private static String title(ExerciseResult exercise) {
    String title = Text.oneLine(exercise.title(), 200);
    return title.isEmpty() ? exercise.id() : exercise.id() + " — " + title;
  }

  /** Text inside a table cell: one line, escaped, pipes included. */
  static String cell(String text) {
    return inline(Text.oneLine(text, 300));
  }

  private static String inline(String text) {
    return Neutraliser.markdownInline(text);
  }

  private static String leading(String text) {
    return Neutraliser.markdownLineStart(text);
  }
}
