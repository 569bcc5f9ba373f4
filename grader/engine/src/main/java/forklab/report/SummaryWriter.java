package forklab.report;

import forklab.report.Feedback.CheckFeedback;
import forklab.report.Feedback.ExerciseFeedback;
import forklab.report.Feedback.Fix;
import forklab.score.GradeResult;

/**
 * {@code summary.md}: the student-facing feedback as GitLab/GitHub-flavoured Markdown, fit to paste
 * as a merge-request comment. Text from the grade goes through {@link Neutraliser}, so a check's
 * name or feedback cannot turn into markup, a mention or a quick action; captured output goes into
 * fenced code blocks whose fence the output cannot close, and is capped so the comment stays small.
 */
final class SummaryWriter extends TextReportFormat {
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
  public String name() {
    return "markdown";
  }

  @Override
  public String fileName() {
    return Reports.SUMMARY_MD;
  }

  @Override
  String render(Feedback feedback, GradeResult grade) {
    return new Rendering(feedback).render();
  }

  /** One rendering, holding the output budget that is left. */
  private static final class Rendering {
    private final Feedback feedback;
    private final Shrinkable doc = new Shrinkable();
    private StringBuilder md = new StringBuilder();
    private int outputBudget = OUTPUT_BUDGET;

    Rendering(Feedback feedback) {
      this.feedback = feedback;
    }

    String render() {
      line("# Forklab feedback: " + feedback.headline());
      line();
      if (feedback.hasInfrastructureError()) {
        line(
            "> **"
                + Text.NO_SCORE
                + "** The grader hit an infrastructure error: "
                + inline(Text.oneLine(feedback.infrastructureError(), 500)));
        line(
            "> The "
                + feedback.pointsBeforeError()
                + " points below were graded before the error and are not a grade.");
        line();
      }
      line("**Start here:** " + inline(feedback.startHere()));
      line();
      overview();
      feedback.exercises().forEach(this::exercise);
      notJudged();
      warnings();
      line("---");
      line(inline(feedback.footer()));
      flush();
      return doc.fit(MAX_BYTES, CUT_NOTICE);
    }

    private void overview() {
      Feedback.ScoreTable table = feedback.table();
      if (table.rows().isEmpty()) {
        line("No exercise was graded.");
        line();
        return;
      }
      StringBuilder header = new StringBuilder("| Exercise | Score |");
      StringBuilder rule = new StringBuilder("| --- | ---: |");
      for (String goal : table.goals()) {
        header.append(' ').append(goal).append(" |");
        rule.append(" ---: |");
      }
      line(header.toString());
      line(rule.toString());
      for (Feedback.Row row : table.rows()) {
        StringBuilder cells =
            new StringBuilder("| ").append(cell(row.exercise())).append(" | ").append(row.points());
        row.byGoal().forEach(points -> cells.append(" | ").append(points));
        line(cells.append(" |").toString());
      }
      line("| **Total** | **" + table.total() + "** |" + " |".repeat(table.goals().size()));
      line();
    }

    private void exercise(ExerciseFeedback exercise) {
      line("## " + inline(exercise.title()) + ": " + exercise.points() + " points");
      line();
      line(exercise.tally());
      line();
      if (!exercise.notes().isEmpty()) {
        exercise.notes().forEach(note -> line("- " + leading(note)));
        line();
      }
      for (Fix fix : exercise.fixes()) {
        fix(fix);
      }
      if (!exercise.checks().isEmpty()) {
        line("#### Every check of " + inline(exercise.id()));
        line();
        exercise.checks().forEach(this::check);
      }
    }

    /** A group of checks missed for one reason, or one missed check. */
    private void fix(Fix fix) {
      line("### " + inline(fix.headline()) + " · " + fix.pointsLabel());
      line();
      if (!fix.detail().isEmpty()) {
        line(leading(fix.detail()));
        line();
      }
      if (!fix.evidence().isEmpty()) {
        fix.evidence().forEach(evidence -> line("- " + inline(evidence)));
        line();
      }
      if (!fix.advice().isEmpty()) {
        line("Try next: " + inline(fix.advice()));
        line();
      }
      if (fix.grouped()) {
        line("<details><summary>The " + fix.checks().size() + " checks</summary>");
        line();
        fix.checks().forEach(name -> line("- " + leading(name)));
        line();
        line("</details>");
        line();
      }
    }

    /** One check, collapsed: its verdict and name, then everything about it. */
    private void check(CheckFeedback check) {
      line(
          "<details><summary>"
              + Neutraliser.htmlInline(
                  verdictMark(check) + " " + check.label() + ": " + check.name())
              + " · "
              + check.points()
              + "</summary>");
      line();
      line(
          "Goal: **"
              + check.goal()
              + "** · "
              + check.points()
              + " points"
              + (check.hidden() ? " · hidden check" : ""));
      line();
      if (check.errored()) {
        line(Text.ERROR_EXPLANATION + " It earned no points in this run.");
        line();
      }
      if (check.measurement() != null) {
        line(inline(check.measurement().line()));
        line();
        check.measurement().details().forEach(detail -> line("- " + leading(detail)));
        if (!check.measurement().details().isEmpty()) {
          line();
        }
      }
      String message = Text.block(check.message(), FEEDBACK_LINES, FEEDBACK_CAP);
      if (!message.isEmpty()) {
        String first = leading(Text.firstLine(message, FEEDBACK_CAP)) + "\n\n";
        String full =
            message.contains("\n") ? Neutraliser.codeBlock("text", message) + "\n" : first;
        detail(Shrinkable.Detail.MESSAGE, full, first);
      }
      if (!check.replay().isEmpty()) {
        line("Replay it alone:");
        line();
        flush();
        doc.append(Neutraliser.codeBlock("shell", check.replay()) + "\n");
      }
      output(check);
      line("</details>");
      line();
    }

    private static String verdictMark(CheckFeedback check) {
      return switch (check.verdict()) {
        case "pass" -> "✅";
        case "fail" -> "❌";
        case "error" -> "⚠️";
        default -> "➖";
      };
    }

    private void output(CheckFeedback check) {
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
      if (feedback.notJudged().isEmpty()) {
        return;
      }
      line("## Not judged here");
      line();
      line(Text.NOT_JUDGED_EXPLANATION);
      line();
      line("| Exercise | Check | Goal | Points | Reason |");
      line("| --- | --- | --- | ---: | --- |");
      for (CheckFeedback check : feedback.notJudged()) {
        line(
            "| "
                + cell(check.exercise())
                + " | "
                + cell(check.name())
                + " | "
                + check.goal()
                + " | "
                + check.points()
                + " | "
                + cell(check.notJudgedReason())
                + " |");
      }
      line();
    }

    private void warnings() {
      if (feedback.warnings().isEmpty()) {
        return;
      }
      line("## Notes for whoever ran the grader");
      line();
      feedback.warnings().forEach(warning -> line("- " + leading(warning)));
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
