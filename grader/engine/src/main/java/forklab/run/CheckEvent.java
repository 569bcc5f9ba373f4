package forklab.run;

import java.time.Duration;
import java.util.Map;

/**
 * The runner's report on one finished check.
 *
 * @param id {@code class#method}
 * @param status {@code SUCCESSFUL}, {@code FAILED} or {@code ABORTED}
 * @param message the failure or abort message, empty when successful
 * @param entries the report entries the check published (measurements)
 * @param duration how long it ran
 * @param output what the submission printed while it ran (capped)
 */
public record CheckEvent(
    String id,
    String status,
    String message,
    Map<String, String> entries,
    Duration duration,
    String output) {
  public CheckEvent {
    entries = Map.copyOf(entries);
  }
}
