package forklab.report;

import forklab.score.GradeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  private static final List<ReportFormat> ALL =
      List.of(
          new ResultsJsonWriter(),
          new JunitXmlWriter(),
          new SummaryWriter(),
          new HtmlReportWriter());

  private Reports() {}

  /**
   * Every format, in the order {@link #writeAll} writes them: {@code json} ({@value
   * #RESULTS_JSON}), {@code junit} ({@value #JUNIT_XML}), {@code markdown} ({@value #SUMMARY_MD}),
   * {@code html} ({@value #REPORT_HTML}). A new format is one class and one entry here.
   */
  public static List<ReportFormat> formats() {
    return ALL;
  }

  /**
   * The format called {@code name} ({@code json}, {@code junit}, {@code markdown}, {@code html}).
   */
  public static Optional<ReportFormat> format(String name) {
    return ALL.stream().filter(format -> format.name().equals(name)).findFirst();
  }

  /** The names of every format, in order: {@code json, junit, markdown, html}. */
  public static List<String> names() {
    return ALL.stream().map(ReportFormat::name).toList();
  }

  /** The writer of {@value #RESULTS_JSON}. */
  public static ReportFormat resultsJson() {
    return ALL.get(0);
  }

  /** The writer of {@value #JUNIT_XML}. */
  public static ReportFormat junitXml() {
    return ALL.get(1);
  }

  /** The writer of {@value #SUMMARY_MD}. */
  public static ReportFormat summaryMarkdown() {
    return ALL.get(2);
  }

  /** The writer of {@value #REPORT_HTML}. */
  public static ReportFormat html() {
    return ALL.get(3);
  }

  /**
   * Writes every format into {@code outDir}; see {@link #write(GradeResult, Path, List)}.
   *
   * @return the paths written, in the order results.json, junit.xml, summary.md, report.html
   */
  public static List<Path> writeAll(GradeResult grade, Path outDir) throws IOException {
    return write(grade, outDir, ALL);
  }

  /**
   * Writes {@code formats} into {@code outDir}, creating it when missing and replacing earlier
   * files; the feedback document is built once for all of them. A failing format does not stop the
   * others: every file that can be written is, and then the first failure is thrown with the later
   * ones suppressed.
   *
   * @return the paths written, in the order of {@code formats}
   * @throws IOException if {@code outDir} cannot be created or a file cannot be written
   */
  public static List<Path> write(GradeResult grade, Path outDir, List<ReportFormat> formats)
      throws IOException {
    Feedback feedback = Feedback.of(grade);
    List<Path> written = new ArrayList<>();
    IOException failure = null;
    for (ReportFormat format : formats) {
      try {
        written.add(format.write(feedback, grade, outDir));
      } catch (IOException | RuntimeException e) {
        IOException wrapped =
            e instanceof IOException io
                ? io
                : new IOException("could not write " + format.fileName() + ": " + e, e);
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
