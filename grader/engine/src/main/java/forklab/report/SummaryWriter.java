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

  /**
   * The most UTF-8 bytes of the whole summary: it must fit in a merge-request note (GitHub takes
   * 65,536 characters, GitLab 1,000,000).
   */
  static final int MAX_BYTES = 64 * 1024;

  /** The last line of a summary that had to give up detail to fit in {@link #MAX_BYTES}. */
  static final String CUT_NOTICE =
      "\n_This summary was cut to fit in a merge-request note (64 KiB); report.html and"
          + " results.json have all of it._\n";

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
    private final Shrinkable doc = new Shrinkable();
    private StringBuilder md = new StringBuilder();
    private int outputBudget = OUTPUT_BUDGET;

    Rendering(GradeResult grade) {
      this.grade = grade;
    }

    String render() {
      if (grade.hasInfrastructureError()) {
        line("# Forklab feedback: no score given");
        line();
        line(
            "> **"
                + Text.NO_SCORE
                + "** The grader hit an infrastructure error: "
                + inline(Text.oneLine(grade.infrastructureError(), 500)));
        line(
            "> The "
                + Text.points(grade.score(), grade.maxScore())
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
      line(
          "Forklab "
              + inline(Text.oneLine(String.valueOf(grade.version()), 100))
              + " · "
              + inline(Text.oneLine(String.valueOf(grade.sandbox()), 100))
              + " sandbox · graded in "
              + Text.seconds(grade.elapsed())
              + " s");
      flush();
      return doc.fit(MAX_BYTES, CUT_NOTICE);
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
        StringBuilder row =
            new StringBuilder("| ")
                .append(cell(title(exercise)))
                .append(" | ")
                .append(Text.points(exercise.score(), exercise.maxScore()))
                .append(" |");
        for (Goal goal : goals) {
          double[] sums = byGoal.get(goal);
          row.append(' ').append(sums == null ? "–" : Text.points(sums[0], sums[1])).append(" |");
        }
        line(row.toString());
      }
      line(
          "| **Total** | **"
              + Text.points(grade.score(), grade.maxScore())
              + "** |"
              + " |".repeat(goals.size()));
      line();
    }

    private void exercise(ExerciseResult exercise) {
      List<CheckResult> checks = exercise.checks();
      line(
          "## "
              + inline(title(exercise))
              + ": "
              + Text.points(exercise.score(), exercise.maxScore())
              + " points");
      line();
      long passed = checks.stream().filter(CheckResult::passed).count();
      line(
          checks.isEmpty()
              ? "No checks ran."
              : passed == checks.size()
                  ? "All " + checks.size() + " checks passed."
                  : "Passed " + passed + " of " + checks.size() + " checks.");
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
      line(
          "Goal: **"
              + check.goal().id()
              + "** · "
              + Text.points(check.score(), check.maxScore())
              + " points"
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
        String first = leading(feedback.get(0)) + "\n\n";
        StringBuilder full = new StringBuilder(first);
        if (feedback.size() > 1) {
          feedback
              .subList(1, feedback.size())
              .forEach(more -> full.append("- ").append(leading(more)).append('\n'));
          full.append('\n');
        }
        detail(Shrinkable.Detail.MESSAGE, full.toString(), first);
      }
      output(check);
    }

    private void output(CheckResult check) {
      if (check.output().isBlank()) {
        return;
      }
      String notShown = "_Captured output not shown here; see junit.xml or report.html._\n\n";
      if (outputBudget <= 0) {
        md.append(notShown);
        return;
      }
      String excerpt =
          Text.capped(check.output(), Math.min(OUTPUT_CAP, outputBudget)).stripTrailing();
      outputBudget -= excerpt.length();
      detail(
          Shrinkable.Detail.OUTPUT,
          "<details><summary>Captured output</summary>\n\n"
              + Neutraliser.codeBlock("text", excerpt)
              + "\n</details>\n\n",
          notShown);
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
        line(
            "| "
                + cell(check.exercise())
                + " | "
                + cell(check.name())
                + " | "
                + check.goal().id()
                + " | "
                + Text.points(check.score(), check.maxScore())
                + " | "
                + cell(Text.notJudgedReason(check))
                + " |");
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

    /** Detail the summary can give up when it would not fit in {@link #MAX_BYTES}. */
    private void detail(Shrinkable.Detail detail, String full, String shorter) {
      flush();
      doc.append(
          detail, Neutraliser.withoutQuickActions(full), Neutraliser.withoutQuickActions(shorter));
    }

    // Every line is already safe; the pass keeps it so, whatever a later change adds.
    private void flush() {
      doc.append(Neutraliser.withoutQuickActions(md.toString()));
      md = new StringBuilder();
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
