package forklab.sandbox;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How an execution ended.
 *
 * @param exitCode the JVM's exit code (137 when killed)
 * @param timedOut true when it hit its time limit and was killed
 * @param outOfMemory true when the sandbox killed it for exceeding its memory limit
 * @param elapsed wall time
 * @param stderr the last part of its standard error
 * @param phases where the time went, in order (for example create, copy, start, run, remove)
 */
public record ExecutionResult(
    int exitCode,
    boolean timedOut,
    boolean outOfMemory,
    Duration elapsed,
    String stderr,
    Map<String, Duration> phases) {
  public ExecutionResult {
    phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
  }

  /** The phases as {@code name 1.23 s, ...}. */
  public String describePhases() {
    StringBuilder text = new StringBuilder();
    phases.forEach(
        (name, time) ->
            text.append(text.isEmpty() ? "" : ", ")
                .append(name)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.2f s", time.toNanos() / 1e9)));
    return text.toString();
  }
}
