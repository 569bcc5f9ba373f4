package forklab.report;

import forklab.score.CheckResult;
import forklab.score.Measurement;
import forklab.score.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of the charts of measured checks, which the HTML template draws as SVG: bars on one
 * scale for measured, required and the other limits; a line chart for series.
 */
public final class Charts {
  static final String PASS = "#2e7d32";
  static final String FAIL = "#c62828";
  static final String SKIP = "#757575";
  static final String ERROR = "#ef6c00";
  static final String REQUIRED = "#546e7a";
  private static final String[] LIMITS = {"#f9a825", "#6a1b9a", "#0277bd", "#90a4ae"};

  static final int BAR_LABEL_WIDTH = 170;
  static final int BAR_WIDTH = 300;
  static final int ROW_HEIGHT = 24;
  static final int LEFT = 60;
  static final int TOP = 44;
  static final int PLOT_WIDTH = 420;
  static final int PLOT_HEIGHT = 180;

  private Charts() {}

  /** A chart of one measured check. */
  public sealed interface Chart {}

  /**
   * Horizontal bars on one scale.
   *
   * @param title the accessible title: check name and measurement line
   * @param heading the check name, shortened
   * @param height the SVG height
   */
  public record BarChart(String title, String heading, int height, List<Bar> bars)
      implements Chart {}

  /**
   * @param label the bar's label
   * @param value the value with its unit
   * @param y the top of its row
   * @param width the bar's width, formatted
   * @param colour a literal colour, so a copied SVG draws the same
   * @param valueX where the value's text starts
   */
  public record Bar(String label, String value, int y, String width, String colour, String valueX) {
    public int textY() {
      return y + 15;
    }

    public int barY() {
      return y + 3;
    }
  }

  /**
   * Lines against an x-axis.
   *
   * @param title the accessible title
   * @param heading {@code measured (x) against threads}
   * @param axis the x-axis label
   * @param top the value at the top of the y-axis
   * @param lines one per series line
   * @param ticks the x values marked under the axis
   */
  public record LineChart(
      String title, String heading, String axis, String top, List<Line> lines, List<Tick> ticks)
      implements Chart {}

  /** A polyline: {@code points} as SVG wants them, solid or dashed. */
  public record Line(String name, String points, String colour, boolean dashed) {
    public String dashes() {
      return dashed ? "5 4" : "none";
    }
  }

  /** A value under the x-axis at {@code x}. */
  public record Tick(String x, String label) {}

  /** The charts of one measured check: bars, and a line chart when it has a series. */
  static List<Chart> of(CheckResult check) {
    Measurement measurement = check.measurement();
    List<Chart> charts = new ArrayList<>();
    if (measurement == null) {
      return charts;
    }
    charts.add(bars(check));
    if (hasLine(measurement.series())) {
      charts.add(lines(check.name(), measurement));
    }
    return charts;
  }

  private static boolean hasLine(Measurement.Series series) {
    return series.lines().values().stream().anyMatch(points -> points.size() >= 2);
  }

  static BarChart bars(CheckResult check) {
    Measurement measurement = check.measurement();
    String unit = Text.clean(measurement.unit()).strip();
    List<Object[]> values = new ArrayList<>(); // {label, value, colour}
    add(values, "measured", measurement.measured(), colour(check.verdict()));
    add(
        values,
        "required (" + measurement.direction().words() + ")",
        measurement.required(),
        REQUIRED);
    int i = 0;
    for (Map.Entry<String, Double> limit : measurement.limits().entrySet()) {
      add(values, Text.oneLine(limit.getKey(), 80), limit.getValue(), LIMITS[i++ % LIMITS.length]);
    }
    double max = values.stream().mapToDouble(v -> (double) v[1]).max().orElse(0);
    double scale = max > 0 ? max * 1.05 : 1;
    List<Bar> bars = new ArrayList<>();
    int y = 24;
    for (Object[] value : values) {
      double width = Math.max(0, (double) value[1]) / scale * BAR_WIDTH;
      bars.add(
          new Bar(
              Text.oneLine((String) value[0], 28),
              Text.quantity((double) value[1], unit),
              y,
              fmt(width),
              (String) value[2],
              fmt(BAR_LABEL_WIDTH + width + 6)));
      y += ROW_HEIGHT;
    }
    return new BarChart(
        Text.oneLine(check.name(), 300) + ": " + Text.measurementLine(measurement),
        Text.oneLine(check.name(), 80),
        28 + ROW_HEIGHT * Math.max(1, bars.size()),
        bars);
  }

  private static void add(List<Object[]> values, String label, double value, String colour) {
    if (Double.isFinite(value)) {
      values.add(new Object[] {label, value, colour});
    }
  }

  static LineChart lines(String checkName, Measurement measurement) {
    Measurement.Series series = measurement.series();
    String unit = Text.clean(measurement.unit()).strip();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = 0;
    for (List<Measurement.Point> points : series.lines().values()) {
      for (Measurement.Point point : points) {
        minX = Math.min(minX, point.x());
        maxX = Math.max(maxX, point.x());
        if (Double.isFinite(point.y())) {
          maxY = Math.max(maxY, point.y());
        }
      }
    }
    double spanX = maxX > minX ? maxX - minX : 1;
    double top = niceCeiling(maxY);
    List<Line> lines = new ArrayList<>();
    List<Tick> ticks = new ArrayList<>();
    List<Double> ticked = new ArrayList<>();
    int other = 0;
    for (Map.Entry<String, List<Measurement.Point>> line : series.lines().entrySet()) {
      List<String> points = new ArrayList<>();
      for (Measurement.Point point : line.getValue()) {
        double x = LEFT + (point.x() - minX) / spanX * PLOT_WIDTH;
        if (!ticked.contains(point.x())) {
          ticked.add(point.x());
          ticks.add(new Tick(fmt(x), Text.number(point.x())));
        }
        if (Double.isFinite(point.y())) {
          double y = TOP + PLOT_HEIGHT - Math.max(0, point.y()) / top * PLOT_HEIGHT;
          points.add(fmt(x) + "," + fmt(y));
        }
      }
      boolean measured = line.getKey().equals("measured");
      lines.add(
          new Line(
              Text.oneLine(line.getKey(), 40),
              String.join(" ", points),
              measured ? PASS : LIMITS[other++ % LIMITS.length],
              !measured));
    }
    String axis = series.axis().isBlank() ? "x" : Text.oneLine(series.axis(), 40);
    String heading = (unit.isEmpty() ? "" : unit + " ") + "against " + axis;
    return new LineChart(
        Text.oneLine(checkName, 200) + ": " + heading,
        heading,
        axis,
        Text.number(top),
        lines,
        ticks);
  }

  private static String colour(Verdict verdict) {
    return switch (verdict) {
      case PASS -> PASS;
      case FAIL -> FAIL;
      case NOT_JUDGED -> SKIP;
      case ERROR -> ERROR;
    };
  }

  /** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code value}. */
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

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
