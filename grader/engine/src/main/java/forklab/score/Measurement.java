package forklab.score;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a check measured against what it required, in one unit.
 *
 * @param measured the measured value (NaN when it could not be measured)
 * @param direction which way the requirement points
 * @param required the limit the measured value had to reach
 * @param unit the unit of every number here, for example {@code x} or {@code ms}
 * @param limits other limits on the same scale, by label (for example the calibrated limit)
 * @param details text evidence, by label, shown as is and never given a unit
 * @param series lines of values in {@code unit} against an x-axis, empty when none
 */
public record Measurement(
    double measured,
    Direction direction,
    double required,
    String unit,
    Map<String, Double> limits,
    Map<String, String> details,
    Series series) {

  public Measurement {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(series, "series");
    limits = Collections.unmodifiableMap(new TreeMap<>(limits));
    details = Collections.unmodifiableMap(new TreeMap<>(details));
  }

  /** A measurement that had to reach at least {@code required}, with text details only. */
  public Measurement(double measured, double required, String unit, Map<String, String> details) {
    this(measured, Direction.AT_LEAST, required, unit, Map.of(), details, Series.NONE);
  }

  /** Which way "required" points. */
  public enum Direction {
    AT_LEAST,
    AT_MOST;

    /** {@code at-least} or {@code at-most}, as checks publish it and results.json carries it. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code at least} or {@code at most}, for sentences. */
    public String words() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The direction with this {@link #id()}; at least when the id is null or unknown. */
    public static Direction fromId(String id) {
      return AT_MOST.id().equals(id == null ? "" : id.strip()) ? AT_MOST : AT_LEAST;
    }
  }

  /** One point of a series. */
  public record Point(double x, double y) {}

  /**
   * Named lines of points against one x-axis.
   *
   * @param axis the x-axis label, for example {@code threads}
   * @param lines points by line name, each sorted by x
   */
  public record Series(String axis, Map<String, List<Point>> lines) {
    public static final Series NONE = new Series("", Map.of());

    public Series {
      Objects.requireNonNull(axis, "axis");
      Map<String, List<Point>> sorted = new TreeMap<>();
      lines.forEach(
          (name, points) ->
              sorted.put(
                  name, points.stream().sorted((a, b) -> Double.compare(a.x(), b.x())).toList()));
      lines = Collections.unmodifiableMap(sorted);
    }

    public boolean isEmpty() {
      return lines.isEmpty();
    }
  }
}
