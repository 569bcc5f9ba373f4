package forklab.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestReporter;

/**
 * Publishes what a check measured, so that reports can show measured against required.
 *
 * <p>Values travel as JUnit report entries under the keys {@value #MEASURED}, {@value #REQUIRED},
 * {@value #UNIT} and {@value #DETAIL_PREFIX}{@code <name>}. Under Maven they are only logged.
 */
public final class Measured {
  public static final String MEASURED = "forklab.measured";
  public static final String REQUIRED = "forklab.required";
  public static final String UNIT = "forklab.unit";
  public static final String DETAIL_PREFIX = "forklab.detail.";

  private Measured() {}

  /** Publishes {@code measured} against {@code required}, both in {@code unit}. */
  public static void publish(TestReporter reporter, double measured, double required, String unit) {
    publish(reporter, measured, required, unit, Map.of());
  }

  /**
   * Publishes a measurement with named details, such as the calibrated limit or the CPU time, which
   * the report shows beside it.
   */
  public static void publish(
      TestReporter reporter,
      double measured,
      double required,
      String unit,
      Map<String, ?> details) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(MEASURED, format(measured));
    entries.put(REQUIRED, format(required));
    entries.put(UNIT, unit);
    details.forEach((name, value) -> entries.put(DETAIL_PREFIX + name, String.valueOf(value)));
    reporter.publishEntry(entries);
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
