package forklab.report;

import forklab.score.GradeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the reports of a grade.
 *
 * <pre>{@code
 * List<Path> written = Reports.writeAll(grade, Path.of("grade-report"));
 * }</pre>
 *
 * <p>The file formats are documented in {@code docs/reports.md}.
 */
public final class Reports {
  /** Gradescope's autograder format, with Forklab's data under {@code extra_data}. */
  public static final String RESULTS_JSON = "results.json";

  /** JUnit XML as GitLab's test report widget reads it. */
  public static final String JUNIT_XML = "junit.xml";

  /** Student-facing feedback in Markdown, fit to paste as a merge-request comment. */
  public static final String SUMMARY_MD = "summary.md";

  /** One self-contained HTML page: the summary plus charts of the measured goals. */
  public static final String REPORT_HTML = "report.html";

  private static final List<ReportWriter> ALL =
      List.of(
          new ResultsJsonWriter(),
          new JunitXmlWriter(),
          new SummaryWriter(),
          new HtmlReportWriter());

  private Reports() {}

  /** The writer of {@value #RESULTS_JSON}. */
  public static ReportWriter resultsJson() {
    return ALL.get(0);
  }

  /** The writer of {@value #JUNIT_XML}. */
  public static ReportWriter junitXml() {
    return ALL.get(1);
  }

  /** The writer of {@value #SUMMARY_MD}. */
  public static ReportWriter summaryMarkdown() {
    return ALL.get(2);
  }

  /** The writer of {@value #REPORT_HTML}. */
  public static ReportWriter html() {
    return ALL.get(3);
  }

  /** All four writers, in the order {@link #writeAll} uses. */
  public static List<ReportWriter> all() {
    return ALL;
  }

  /**
   * Writes all four reports into {@code outDir}, creating it when missing and replacing earlier
   * files. A failing writer does not stop the others: every file that can be written is, and then
   * the first failure is thrown with the later ones suppressed.
   *
   * @return the paths written, in the order results.json, junit.xml, summary.md, report.html
   * @throws IOException if {@code outDir} cannot be created or a file cannot be written
   */
  public static List<Path> writeAll(GradeResult grade, Path outDir) throws IOException {
    List<Path> written = new ArrayList<>();
    IOException failure = null;
    for (ReportWriter writer : ALL) {
      try {
        written.add(writer.write(grade, outDir));
      } catch (IOException | RuntimeException e) {
        IOException wrapped =
            e instanceof IOException io
                ? io
                : new IOException("could not write " + writer.fileName() + ": " + e, e);
        if (failure == null) {
          failure = wrapped;
        } else {
          failure.addSuppressed(wrapped);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return List.copyOf(written);
  }
}
