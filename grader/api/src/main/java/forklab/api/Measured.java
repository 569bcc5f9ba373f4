package forklab.api;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestReporter;

/**
 * The report keys of a measurement, and shortcuts for the common cases; {@link Measurement} builds
 * the rest.
 *
 * <p>Values travel as JUnit report entries: {@value #MEASURED} and {@value #REQUIRED} (numbers),
 * {@value #UNIT} (text), {@value #DIRECTION} ({@code at-least} or {@code at-most}), {@value
 * #LIMIT_PREFIX}{@code <label>} (a number in the unit), {@value #DETAIL_PREFIX}{@code <label>}
 * (text shown as is), {@value #SERIES_AXIS} (the x-axis label) and {@value #SERIES_PREFIX}{@code
 * <name>} ({@code x:y,x:y,...}). Under Maven they are only logged.
 */
public final class Measured {
  public static final String MEASURED = "forklab.measured";
  public static final String REQUIRED = "forklab.required";
  public static final String UNIT = "forklab.unit";
  public static final String DETAIL_PREFIX = "forklab.detail.";
  public static final String DIRECTION = "forklab.direction";
  public static final String LIMIT_PREFIX = "forklab.limit.";
  public static final String SERIES_AXIS = "forklab.series-axis";
  public static final String SERIES_PREFIX = "forklab.series.";

  private Measured() {}

  /** Publishes {@code measured} against {@code required}, both in {@code unit}: at least. */
  public static void publish(TestReporter reporter, double measured, double required, String unit) {
    publish(reporter, measured, required, unit, Map.of());
  }

  /**
   * Publishes {@code measured}, which must be at least {@code required}, with text details that the
   * report shows beside it as they are.
   */
  public static void publish(
      TestReporter reporter,
      double measured,
      double required,
      String unit,
      Map<String, ?> details) {
    Measurement measurement = Measurement.of(measured, unit).atLeast(required);
    details.forEach(measurement::detail);
    measurement.publish(reporter);
  }

  /**
   * Ends the check without a verdict: the machine cannot judge it here (for example a speedup goal
   * on one CPU). It earns no points and is never reported as a failure.
   */
  public static void notJudgedHere(String reason) {
    Assumptions.abort(reason);
  }

  static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
