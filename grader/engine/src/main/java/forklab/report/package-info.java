/**
 * The report stage: renders a {@link forklab.score.GradeResult} into the files that {@code grade}
 * writes, {@code results.json} (Gradescope), {@code junit.xml} (GitLab and other CI), {@code
 * summary.md} (a merge-request comment) and {@code report.html} (one self-contained page).
 *
 * <p>{@link forklab.report.Reports} is the entry point; each file has its own {@link
 * forklab.report.ReportFormat}, all rendering one {@link forklab.report.Feedback} document. The
 * writers only read the grade: they never run anything, never touch the network and render the same
 * grade to the same bytes. Student output is treated as hostile in every format: control and
 * bidirectional characters are made visible, markup is escaped and long text is capped; {@link
 * forklab.report.Neutraliser} also keeps it from acting in a merge-request note. The formats are
 * documented in {@code docs/reports.md}.
 */
package forklab.report;
