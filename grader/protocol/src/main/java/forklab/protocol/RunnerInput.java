package forklab.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the grader tells the runner, as one line of JSON. It travels on standard input (or in a file
 * the runner deletes at once), so nothing of it exists as a file once the first student class
 * loads.
 *
 * @param key the hex HMAC key that signs every frame
 * @param mode whether to list the checks or run them
 * @param seed the seed for randomized checks
 * @param only the ids ({@code class#method}) of the only checks to run; all when empty
 * @param calibrate whether to measure the machine's parallelism before any student class loads
 * @param harden whether to make the JVM non-dumpable before any student class loads; when the
 *     hardening fails, the runner reports a crash instead of running student code
 * @param limits the limits the runner applies itself
 * @param checks the class files of the public tests and hidden checks, by binary class name: they
 *     reach the check JVM only here, never as files on its class path
 */
public record RunnerInput(
    String key,
    Mode mode,
    long seed,
    List<String> only,
    boolean calibrate,
    boolean harden,
    Limits limits,
    Map<String, byte[]> checks) {

  /** The system property naming a file to read the input from instead of standard input. */
  public static final String INPUT_FILE_PROPERTY = "forklab.input";

  /** What the runner does with the checks. */
  public enum Mode {
    /** Lists the checks: one {@link RunnerEvent.Plan}. */
    PLAN,
    /** Runs them: a start and a result per check. */
    RUN
  }

  /**
   * @param testTimeoutSeconds the default timeout of each check
   * @param outputLimitBytes how much of the submission's output to keep per check
   */
  public record Limits(int testTimeoutSeconds, int outputLimitBytes) {}

  public RunnerInput {
    if (key == null || key.length() < 32) {
      throw new IllegalArgumentException("missing or short key");
    }
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(limits, "limits");
    only = List.copyOf(only);
    checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
  }

  /** Without the key and the class files. */
  @Override
  public String toString() {
    return "RunnerInput[mode=%s, seed=%d, only=%s, calibrate=%s, harden=%s, limits=%s, checks=%s]"
        .formatted(mode, seed, only, calibrate, harden, limits, checks.keySet());
  }
}
