package forklab.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.TestReporter;

/**
 * A measurement for the reports: what was measured, the bound it must meet and which way, other
 * limits on the same scale, text details, and series to draw. It travels as JUnit report entries
 * under the keys of {@link Measured}; under Maven they are only logged.
 *
 * <pre>{@code
 * Measurement.of(best, "ms")
 *     .atMost(750)                                  // the bound, and which way it goes
 *     .limit("one after another", 1_500)            // other marks on the same scale, in ms
 *     .detail("attempts", "612 ms, 598 ms")         // text, shown as is
 *     .series("threads", "measured", new double[] {1, 2}, new double[] {1.0, 1.9})
 *     .publish(reporter);
 * }</pre>
 */
public final class Measurement {
  /** Which way the measured value must lie from the required one. */
  public enum Direction {
    AT_LEAST("at-least"),
    AT_MOST("at-most");

    private final String id;

    Direction(String id) {
      this.id = id;
    }

    /** The value of {@value Measured#DIRECTION}: {@code at-least} or {@code at-most}. */
    public String id() {
      return id;
    }
  }

  private final double measured;
  private final String unit;
  private Direction direction;
  private double required = Double.NaN;
  private final Map<String, String> limits = new LinkedHashMap<>();
  private final Map<String, String> details = new LinkedHashMap<>();
  private String axis;
  private final Map<String, String> series = new LinkedHashMap<>();

  private Measurement(double measured, String unit) {
    this.measured = measured;
    this.unit = unit;
  }

  /** Starts a measurement of {@code measured}, in {@code unit} (for example "ms" or "x"). */
  public static Measurement of(double measured, String unit) {
    return new Measurement(measured, unit == null ? "" : unit);
  }

  /** The measured value must be at least {@code required}. */
  public Measurement atLeast(double required) {
    return bound(Direction.AT_LEAST, required);
  }

  /** The measured value must be at most {@code required}. */
  public Measurement atMost(double required) {
    return bound(Direction.AT_MOST, required);
  }

  private Measurement bound(Direction direction, double required) {
    if (this.direction != null) {
      throw new IllegalStateException("a measurement has one bound, already " + this.direction);
    }
    this.direction = direction;
    this.required = required;
    return this;
  }

  /** Another mark on the same scale, in the measurement's unit, such as a calibrated limit. */
  public Measurement limit(String label, double value) {
    limits.put(label(label), Measured.format(value));
    return this;
  }

  /** A detail shown as is, beside the measurement; reports never append a unit to it. */
  public Measurement detail(String label, Object text) {
    details.put(label(label), String.valueOf(text));
    return this;
  }

  /**
   * A line to draw: y against x, all series of a measurement sharing the x-axis {@code axis}.
   *
   * @throws IllegalArgumentException when xs and ys differ in length, or another axis was given
   */
  public Measurement series(String axis, String name, double[] xs, double[] ys) {
    if (xs.length != ys.length) {
      throw new IllegalArgumentException(
          "series " + name + " has " + xs.length + " x values and " + ys.length + " y values");
    }
    if (this.axis != null && !this.axis.equals(axis)) {
      throw new IllegalArgumentException(
          "all series share one axis: " + this.axis + ", not " + axis);
    }
    this.axis = label(axis);
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      points.append(i == 0 ? "" : ",").append(Measured.format(xs[i]));
      points.append(':').append(Measured.format(ys[i]));
    }
    series.put(label(name), points.toString());
    return this;
  }

  /** The report entries, in a stable order. */
  public Map<String, String> entries() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(Measured.MEASURED, Measured.format(measured));
    if (direction != null) {
      entries.put(Measured.REQUIRED, Measured.format(required));
    }
    entries.put(Measured.UNIT, unit);
    if (direction != null) {
      entries.put(Measured.DIRECTION, direction.id());
    }
    limits.forEach((label, value) -> entries.put(Measured.LIMIT_PREFIX + label, value));
    details.forEach((label, text) -> entries.put(Measured.DETAIL_PREFIX + label, text));
    if (axis != null) {
      entries.put(Measured.SERIES_AXIS, axis);
      series.forEach((name, points) -> entries.put(Measured.SERIES_PREFIX + name, points));
    }
    return entries;
  }

  /** Publishes the entries as one report entry of the running check. */
  public void publish(TestReporter reporter) {
    reporter.publishEntry(entries());
  }

  private static String label(String label) {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("a label must not be blank");
    }
    return label;
  }
}
