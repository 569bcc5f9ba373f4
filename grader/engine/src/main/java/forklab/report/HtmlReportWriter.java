package forklab.report;

import forklab.api.Goal;
import forklab.score.CheckResult;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import forklab.score.Measurement;
import forklab.score.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code report.html}: the summary as one self-contained page (inline CSS, inline SVG charts, no
 * scripts, nothing fetched), plus a bar chart for every measured check and a line chart of a
 * measured value against thread count when an exercise measures at several thread counts. Every
 * piece of text from the grade is HTML-escaped, and a Content-Security-Policy forbids anything the
 * page does not carry itself.
 */
final class HtmlReportWriter extends TextReportWriter {
  static final int FEEDBACK_CAP = 8_000;
  static final int FEEDBACK_LINES = 60;
  static final int OUTPUT_CAP = 16 * 1024;

  private static final String PASS = "#2e7d32";
  private static final String REQUIRED = "#546e7a";

  private static final String CSS =
      """
      :root { --pass: #2e7d32; --fail: #c62828; --skip: #757575; --error: #ef6c00; --required: #546e7a;
              --limit: #f9a825; --extra: #90a4ae; --line: #dde3e8; --muted: #5f6b73; }
      * { box-sizing: border-box; }
      body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2327;
             max-width: 60rem; margin: 0 auto; padding: 1.5rem; background: #fafbfc; }
      h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
      h2 { font-size: 1.25rem; margin: 0 0 .5rem; display: flex; justify-content: space-between; gap: 1rem; }
      h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
      .meta, .goal, .muted { color: var(--muted); font-size: .9rem; }
      section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
      .banner { border-left: 6px solid var(--error); background: #fff3e0; padding: .75rem 1rem; border-radius: 6px; margin: 1rem 0; }
      table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
      th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
      td.num, th.num { text-align: right; white-space: nowrap; }
      .badge { display: inline-block; min-width: 5.5rem; text-align: center; border-radius: 999px; padding: 0 .5rem;
               font-size: .8rem; font-weight: 600; color: #fff; }
      .pass { background: var(--pass); } .fail { background: var(--fail); }
      .not_judged { background: var(--skip); } .error { background: var(--error); }
      .meter { height: .5rem; background: var(--line); border-radius: 999px; overflow: hidden; margin-bottom: .75rem; }
      .meter > span { display: block; height: 100%; background: var(--pass); }
      .problem { border-top: 1px solid var(--line); margin-top: .75rem; }
      pre { background: #263238; color: #eceff1; padding: .75rem; border-radius: 6px; overflow: auto; max-height: 24rem;
            white-space: pre-wrap; word-break: break-word; font-size: .85rem; }
      details summary { cursor: pointer; color: var(--muted); }
      svg { display: block; max-width: 100%; height: auto; margin: .25rem 0; }
      svg text { font: 12px system-ui, sans-serif; fill: #1d2327; }
      .chart { display: grid; grid-template-columns: minmax(0, 1fr); }
      footer { color: var(--muted); font-size: .85rem; text-align: center; margin-top: 1.5rem; }
      """;

  @Override
  public String fileName() {
    return Reports.REPORT_HTML;
  }

  @Override
  String render(GradeResult grade) {
    StringBuilder html = new StringBuilder(16_384);
    String headline =
        grade.hasInfrastructureError()
            ? "no score given"
            : Text.points(grade.score(), grade.maxScore()) + " points";
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Forklab feedback: ")
        .append(headline)
        .append("</title>\n")
        .append("<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    html.append("<header>\n<h1>Forklab feedback: ")
        .append(headline)
        .append("</h1>\n")
        .append("<p class=\"meta\">Forklab ")
        .append(h(String.valueOf(grade.version())))
        .append(" · ")
        .append(h(String.valueOf(grade.sandbox())))
        .append(" sandbox · graded in ")
        .append(Text.seconds(grade.elapsed()))
        .append(" s")
        .append(grade.startedAt() == null ? "" : " · started " + h(grade.startedAt().toString()))
        .append("</p>\n</header>\n");
    if (grade.hasInfrastructureError()) {
      html.append("<div class=\"banner\" role=\"alert\"><strong>")
          .append(h(Text.NO_SCORE))
          .append("</strong> The grader hit an infrastructure error: ")
          .append(h(Text.oneLine(grade.infrastructureError(), 2_000)))
          .append("<br>The ")
          .append(Text.points(grade.score(), grade.maxScore()))
          .append(" points below were graded before the error and are not a grade.</div>\n");
    }
    overview(html, grade);
    for (ExerciseResult exercise : grade.exercises()) {
      exercise(html, exercise);
    }
    notJudged(html, grade);
    if (!grade.warnings().isEmpty()) {
      html.append("<section>\n<h2>Notes for whoever ran the grader</h2>\n<ul>\n");
      grade.warnings().forEach(warning -> html.append("<li>").append(h(warning)).append("</li>\n"));
      html.append("</ul>\n</section>\n");
    }
    html.append("<footer>Made by Forklab; this page works offline.</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void overview(StringBuilder html, GradeResult grade) {
    html.append("<section>\n<h2>Exercises</h2>\n");
    if (grade.exercises().isEmpty()) {
      html.append("<p>No exercise was graded.</p>\n</section>\n");
      return;
    }
    Set<Goal> goals = EnumSet.noneOf(Goal.class);
    grade.exercises().forEach(exercise -> goals.addAll(exercise.scoreByGoal().keySet()));
    html.append("<table>\n<thead><tr><th>Exercise</th><th class=\"num\">Score</th>");
    goals.forEach(goal -> html.append("<th class=\"num\">").append(goal.id()).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (ExerciseResult exercise : grade.exercises()) {
      html.append("<tr><td>")
          .append(h(title(exercise)))
          .append("</td><td class=\"num\">")
          .append(Text.points(exercise.score(), exercise.maxScore()))
          .append("</td>");
      Map<Goal, double[]> byGoal = exercise.scoreByGoal();
      for (Goal goal : goals) {
        double[] sums = byGoal.get(goal);
        html.append("<td class=\"num\">")
            .append(sums == null ? "–" : Text.points(sums[0], sums[1]))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("<tr><th>Total</th><th class=\"num\">")
        .append(Text.points(grade.score(), grade.maxScore()))
        .append("</th>")
        .append("<td></td>".repeat(goals.size()))
        .append("</tr>\n</tbody>\n</table>\n</section>\n");
  }

  private static void exercise(StringBuilder html, ExerciseResult exercise) {
    double share =
        exercise.maxScore() > 0
            ? Math.max(0, Math.min(1, exercise.score() / exercise.maxScore()))
            : 0;
    html.append("<section>\n<h2><span>")
        .append(h(title(exercise)))
        .append("</span><span>")
        .append(Text.points(exercise.score(), exercise.maxScore()))
        .append(" points</span></h2>\n")
        .append("<div class=\"meter\"><span style=\"width:")
        .append(String.format(Locale.ROOT, "%.1f", share * 100))
        .append("%\"></span></div>\n");
    if (!exercise.notes().isEmpty()) {
      html.append("<ul>\n");
      exercise.notes().forEach(note -> html.append("<li>").append(h(note)).append("</li>\n"));
      html.append("</ul>\n");
    }
    if (exercise.checks().isEmpty()) {
      html.append("<p>No checks ran.</p>\n</section>\n");
      return;
    }
    html.append(
            "<table>\n<thead><tr><th>Verdict</th><th>Check</th><th>Goal</th><th class=\"num\">Points</th>")
        .append("<th>Measured</th></tr></thead>\n<tbody>\n");
    for (CheckResult check : exercise.checks()) {
      html.append("<tr><td>")
          .append(badge(check.verdict()))
          .append("</td><td>")
          .append(h(check.name()))
          .append(check.hidden() ? " <span class=\"muted\">(hidden)</span>" : "")
          .append("</td><td>")
          .append(check.goal().id())
          .append("</td><td class=\"num\">")
          .append(Text.points(check.score(), check.maxScore()))
          .append("</td><td>")
          .append(check.measurement() == null ? "" : h(Text.measurementLine(check.measurement())))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    for (CheckResult check : exercise.checks()) {
      if (check.verdict() == Verdict.FAIL || check.verdict() == Verdict.ERROR) {
        problem(html, check);
      }
    }
    charts(html, exercise);
    html.append("</section>\n");
  }

  private static void problem(StringBuilder html, CheckResult check) {
    boolean error = check.verdict() == Verdict.ERROR;
    html.append("<div class=\"problem\">\n<h3>")
        .append(error ? "Could not run: " : "Missed: ")
        .append(h(check.name()))
        .append("</h3>\n<p class=\"goal\">Goal: <strong>")
        .append(check.goal().id())
        .append("</strong> · ")
        .append(Text.points(check.score(), check.maxScore()))
        .append(" points")
        .append(check.hidden() ? " · hidden check" : "")
        .append("</p>\n");
    if (error) {
      html.append("<p>")
          .append(h(Text.ERROR_EXPLANATION))
          .append(" It earned no points in this run.</p>\n");
    }
    if (check.measurement() != null) {
      html.append("<p>").append(h(Text.measurementLine(check.measurement()))).append("</p>\n");
    }
    List<String> feedback = Text.feedbackLines(check.feedback(), FEEDBACK_LINES, FEEDBACK_CAP);
    if (!feedback.isEmpty()) {
      html.append("<p>").append(h(feedback.get(0))).append("</p>\n");
      if (feedback.size() > 1) {
        html.append("<ul>\n");
        feedback
            .subList(1, feedback.size())
            .forEach(line -> html.append("<li>").append(h(line)).append("</li>\n"));
        html.append("</ul>\n");
      }
    }
    if (!check.output().isBlank()) {
      html.append("<details><summary>Captured output</summary>\n<pre>")
          .append(h(Text.capped(check.output(), OUTPUT_CAP).stripTrailing()))
          .append("</pre>\n</details>\n");
    }
    html.append("</div>\n");
  }

  private static void notJudged(StringBuilder html, GradeResult grade) {
    List<CheckResult> notJudged =
        grade.checks().stream().filter(check -> check.verdict() == Verdict.NOT_JUDGED).toList();
    if (notJudged.isEmpty()) {
      return;
    }
    html.append("<section>\n<h2>Not judged here</h2>\n<p>")
        .append(h(Text.NOT_JUDGED_EXPLANATION))
        .append(
            "</p>\n<table>\n<thead><tr><th>Exercise</th><th>Check</th><th>Goal</th><th class=\"num\">Points</th>")
        .append("<th>Reason</th></tr></thead>\n<tbody>\n");
    for (CheckResult check : notJudged) {
      html.append("<tr><td>")
          .append(h(check.exercise()))
          .append("</td><td>")
          .append(h(check.name()))
          .append("</td><td>")
          .append(check.goal().id())
          .append("</td><td class=\"num\">")
          .append(Text.points(check.score(), check.maxScore()))
          .append("</td><td>")
          .append(h(Text.notJudgedReason(check)))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  // ---- charts -------------------------------------------------------------------------------

  private static void charts(StringBuilder html, ExerciseResult exercise) {
    List<CheckResult> measured =
        exercise.checks().stream().filter(check -> check.measurement() != null).toList();
    if (measured.isEmpty()) {
      return;
    }
    html.append("<h3>Measurements</h3>\n<div class=\"chart\">\n");
    for (CheckResult check : measured) {
      html.append(barChart(check));
      html.append(seriesChart(check));
    }
    threadCharts(html, measured);
    html.append("</div>\n");
  }

  /**
   * Horizontal bars on one scale: measured (coloured by verdict), required, every numeric detail
   * whose key names a limit, and every numeric detail whose key ends in {@code _<unit>}.
   */
  static String barChart(CheckResult check) {
    Measurement measurement = check.measurement();
    String unit = Text.clean(measurement.unit()).strip();
    Map<String, double[]> bars = new LinkedHashMap<>(); // label -> {value, kind}
    putBar(bars, "measured", measurement.measured(), 0);
    putBar(bars, "required", measurement.required(), 1);
    Text.limits(measurement).forEach((key, value) -> putBar(bars, key, value, 2));
    Text.details(measurement)
        .forEach(
            (key, value) -> {
              Double number = Text.numeric(value);
              if (number != null && !bars.containsKey(key) && hasUnitSuffix(key, unit)) {
                putBar(bars, key, number, 3);
              }
            });
    double max = bars.values().stream().mapToDouble(bar -> bar[0]).max().orElse(0);
    double scale = max > 0 ? max * 1.05 : 1;
    int labelWidth = 150;
    int barWidth = 300;
    int rowHeight = 24;
    int height = 28 + rowHeight * Math.max(1, bars.size());
    StringBuilder svg = new StringBuilder();
    svg.append("<svg role=\"img\" width=\"560\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 560 ")
        .append(height)
        .append("\"><title>")
        .append(h(check.name() + ": " + Text.measurementLine(measurement)))
        .append("</title>\n<text x=\"0\" y=\"14\" font-weight=\"600\">")
        .append(h(Text.oneLine(check.name(), 80)))
        .append("</text>\n");
    int y = 24;
    for (Map.Entry<String, double[]> bar : bars.entrySet()) {
      double value = bar.getValue()[0];
      int kind = (int) bar.getValue()[1];
      double width = Math.max(0, value) / scale * barWidth;
      svg.append("<text x=\"0\" y=\"")
          .append(y + 15)
          .append("\">")
          .append(h(Text.oneLine(bar.getKey(), 24)))
          .append("</text><rect x=\"")
          .append(labelWidth)
          .append("\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(fmt(width))
          .append("\" height=\"16\" rx=\"3\" fill=\"")
          .append(colour(kind, check.verdict()))
          .append("\"/><text x=\"")
          .append(fmt(labelWidth + width + 6))
          .append("\" y=\"")
          .append(y + 15)
          .append("\">")
          .append(h(Text.quantity(value, unit)))
          .append("</text>\n");
      y += rowHeight;
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void putBar(Map<String, double[]> bars, String label, double value, int kind) {
    if (Double.isFinite(value)) {
      bars.put(label, new double[] {value, kind});
    }
  }

  private static boolean hasUnitSuffix(String key, String unit) {
    String lower = key.toLowerCase(Locale.ROOT);
    return !unit.isEmpty()
        && !lower.contains("limit")
        && lower.endsWith("_" + unit.toLowerCase(Locale.ROOT));
  }

  // Literal colours, not CSS variables: an SVG copied out of the page still draws the same.
  private static String colour(int kind, Verdict verdict) {
    return switch (kind) {
      case 0 ->
          switch (verdict) {
            case PASS -> PASS;
            case FAIL -> "#c62828";
            case NOT_JUDGED -> "#757575";
            case ERROR -> "#ef6c00";
          };
      case 1 -> REQUIRED;
      case 2 -> "#f9a825";
      default -> "#90a4ae";
    };
  }

  /**
   * For each unit, when two or more measured checks carry a numeric {@code threads} (or {@code
   * thread_count}) detail with different values: measured and required against thread count.
   */
  private static void threadCharts(StringBuilder html, List<CheckResult> measured) {
    Map<String, TreeMap<Double, double[]>> byUnit =
        new TreeMap<>(); // unit -> threads -> {measured, required}
    for (CheckResult check : measured) {
      Measurement measurement = check.measurement();
      Double threads = threads(measurement);
      if (threads != null && Double.isFinite(measurement.measured())) {
        byUnit
            .computeIfAbsent(Text.clean(measurement.unit()).strip(), unit -> new TreeMap<>())
            .put(threads, new double[] {measurement.measured(), measurement.required()});
      }
    }
    byUnit.forEach(
        (unit, series) -> {
          if (series.size() >= 2) {
            html.append(lineChart(unit, series));
          }
        });
  }

  private static Double threads(Measurement measurement) {
    for (Map.Entry<String, String> detail : Text.details(measurement).entrySet()) {
      String key = detail.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      if (key.equals("threads") || key.equals("threadcount")) {
        return Text.numeric(detail.getValue());
      }
    }
    return null;
  }

  /**
   * A check that publishes {@code series threads}, {@code series measured} and {@code series limit}
   * (comma-separated, as the speedup judge does) gets its own chart: measured against thread count,
   * with the calibrated limit dashed.
   */
  static String seriesChart(CheckResult check) {
    Map<String, String> details = check.measurement().details();
    List<Double> threads = numbers(details.get("series threads"));
    List<Double> measured = numbers(details.get("series measured"));
    List<Double> limit = numbers(details.get("series limit"));
    if (threads.size() < 2 || measured.size() != threads.size() || limit.size() != threads.size()) {
      return "";
    }
    TreeMap<Double, double[]> series = new TreeMap<>();
    for (int i = 0; i < threads.size(); i++) {
      series.put(threads.get(i), new double[] {measured.get(i), limit.get(i)});
    }
    return lineChart(Text.clean(check.measurement().unit()).strip(), series, "calibrated limit");
  }

  private static List<Double> numbers(String commaSeparated) {
    List<Double> numbers = new ArrayList<>();
    if (commaSeparated == null) {
      return numbers;
    }
    for (String part : commaSeparated.split(",")) {
      Double number = Text.numeric(part);
      if (number == null) {
        return List.of();
      }
      numbers.add(number);
    }
    return numbers;
  }

  static String lineChart(String unit, TreeMap<Double, double[]> series) {
    return lineChart(unit, series, "required");
  }

  static String lineChart(String unit, TreeMap<Double, double[]> series, String dashed) {
    int left = 60;
    int top = 44;
    int width = 420;
    int height = 180;
    double minX = series.firstKey();
    double maxX = series.lastKey();
    double maxY =
        series.values().stream()
            .flatMapToDouble(point -> Arrays.stream(point))
            .filter(Double::isFinite)
            .max()
            .orElse(1);
    double scaleY = niceCeiling(maxY);
    List<String> measuredPoints = new ArrayList<>();
    List<String> requiredPoints = new ArrayList<>();
    StringBuilder marks = new StringBuilder();
    for (Map.Entry<Double, double[]> point : series.entrySet()) {
      double x = left + (point.getKey() - minX) / (maxX - minX) * width;
      double y = top + height - Math.max(0, point.getValue()[0]) / scaleY * height;
      measuredPoints.add(fmt(x) + "," + fmt(y));
      marks
          .append("<circle cx=\"")
          .append(fmt(x))
          .append("\" cy=\"")
          .append(fmt(y))
          .append("\" r=\"3.5\" fill=\"" + PASS + "\"/>")
          .append("<text x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(top + height + 16)
          .append("\" text-anchor=\"middle\">")
          .append(Text.number(point.getKey()))
          .append("</text>\n");
      if (Double.isFinite(point.getValue()[1])) {
        requiredPoints.add(
            fmt(x) + "," + fmt(top + height - Math.max(0, point.getValue()[1]) / scaleY * height));
      }
    }
    String label = unit.isEmpty() ? "measured" : "measured (" + unit + ")";
    StringBuilder svg = new StringBuilder();
    svg.append("<svg role=\"img\" width=\"520\" height=\"264\" viewBox=\"0 0 520 264\"><title>")
        .append(h(label + " against threads"))
        .append("</title>\n")
        .append("<text x=\"0\" y=\"14\" font-weight=\"600\">")
        .append(h(label))
        .append(" against threads</text>\n")
        .append("<line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(top + height)
        .append("\" x2=\"")
        .append(left + width)
        .append("\" y2=\"")
        .append(top + height)
        .append("\" stroke=\"#90a4ae\"/>")
        .append("<line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(top)
        .append("\" x2=\"")
        .append(left)
        .append("\" y2=\"")
        .append(top + height)
        .append("\" stroke=\"#90a4ae\"/>\n")
        .append("<text x=\"")
        .append(left - 6)
        .append("\" y=\"")
        .append(top + 4)
        .append("\" text-anchor=\"end\">")
        .append(Text.number(scaleY))
        .append("</text><text x=\"")
        .append(left - 6)
        .append("\" y=\"")
        .append(top + height + 4)
        .append("\" text-anchor=\"end\">0</text>\n")
        .append("<text x=\"")
        .append(left + width / 2)
        .append("\" y=\"")
        .append(top + height + 34)
        .append("\" text-anchor=\"middle\">threads</text>\n");
    if (requiredPoints.size() >= 2) {
      svg.append("<polyline points=\"")
          .append(String.join(" ", requiredPoints))
          .append(
              "\" fill=\"none\" stroke=\""
                  + REQUIRED
                  + "\" stroke-dasharray=\"5 4\" stroke-width=\"2\"/>\n");
    }
    svg.append("<polyline points=\"")
        .append(String.join(" ", measuredPoints))
        .append("\" fill=\"none\" stroke=\"" + PASS + "\" stroke-width=\"2\"/>\n")
        .append(marks)
        .append("<text x=\"")
        .append(left)
        .append("\" y=\"")
        .append(top - 14)
        .append("\" fill=\"#5f6b73\">solid: measured · dashed: ")
        .append(h(dashed))
        .append("</text>\n</svg>\n");
    return svg.toString();
  }

  /**
   * The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code value}; 1 for
   * nothing.
   */
  static double niceCeiling(double value) {
    if (!(value > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  // ---- text ---------------------------------------------------------------------------------

  private static String badge(Verdict verdict) {
    String label =
        switch (verdict) {
          case PASS -> "passed";
          case FAIL -> "missed";
          case NOT_JUDGED -> "not judged";
          case ERROR -> "could not run";
        };
    return "<span class=\"badge " + verdict.id() + "\">" + label + "</span>";
  }

  private static String title(ExerciseResult exercise) {
    String title = Text.oneLine(exercise.title(), 200);
    return title.isEmpty() ? exercise.id() : exercise.id() + " — " + title;
  }

  /** Cleans {@code text} and escapes it for HTML text and quoted attribute values. */
  static String h(String text) {
    String clean = Text.clean(text);
    StringBuilder out = new StringBuilder(clean.length() + 16);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
