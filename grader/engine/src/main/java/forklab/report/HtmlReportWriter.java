package forklab.report;

import forklab.report.Feedback.CheckFeedback;
import forklab.score.GradeResult;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Locale;

/**
 * {@code report.html}: the feedback document as one self-contained page (inline CSS, inline SVG
 * charts, no scripts, nothing fetched), rendered by the template {@code src/main/jte/report.jte},
 * which the build precompiles with HTML escaping of every value. A Content-Security-Policy forbids
 * anything the page does not carry itself. The static members are the template's helpers.
 */
public final class HtmlReportWriter extends TextReportFormat {
  static final int FEEDBACK_CAP = 8_000;
  static final int FEEDBACK_LINES = 60;
  static final int OUTPUT_CAP = 16 * 1024;

  public static final String NO_SCORE = Text.NO_SCORE;
  public static final String ERROR_EXPLANATION = Text.ERROR_EXPLANATION;
  public static final String NOT_JUDGED_EXPLANATION = Text.NOT_JUDGED_EXPLANATION;

  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, HtmlReportWriter.class.getClassLoader(), "forklab.report.html");

  HtmlReportWriter() {}

  @Override
  public String name() {
    return "html";
  }

  @Override
  public String fileName() {
    return Reports.REPORT_HTML;
  }

  @Override
  String render(Feedback feedback, GradeResult grade) {
    StringOutput out = new StringOutput(32 * 1024);
    TEMPLATES.render("report.jte", feedback, out);
    return out.toString();
  }

  /** Whether the check's feedback has more than one line, so it is shown as a block. */
  public static boolean multiLine(CheckFeedback check) {
    return message(check).contains("\n");
  }

  /** The check's feedback as a block, capped for this page. */
  public static String message(CheckFeedback check) {
    return Text.block(check.message(), FEEDBACK_LINES, FEEDBACK_CAP);
  }

  /** What the check printed, capped for this page. */
  public static String output(CheckFeedback check) {
    return Text.capped(check.output(), OUTPUT_CAP).stripTrailing();
  }

  /** A number with one decimal, for SVG coordinates. */
  public static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
