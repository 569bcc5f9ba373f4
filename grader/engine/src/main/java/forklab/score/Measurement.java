package forklab.score;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a check measured against what it required, in one unit. {@code details} holds named evidence
 * such as the calibrated limit or CPU time over wall time, in the order published.
 */
public record Measurement(
    double measured, double required, String unit, Map<String, String> details) {
  public Measurement {
    Objects.requireNonNull(unit, "unit");
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
