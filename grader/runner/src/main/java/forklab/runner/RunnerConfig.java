package forklab.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the grader tells the runner, as {@code key=value} lines ending with an empty line. It
 * travels on standard input (or in a file the runner deletes at once), so nothing of it exists as a
 * file once the first student class loads.
 *
 * @param key the hex HMAC key that signs every frame
 * @param mode {@code plan} lists the checks; {@code run} runs them
 * @param checks the class files of the public tests and hidden checks, by binary class name: they
 *     reach the check JVM only here, never as files on its class path
 * @param seed the seed for randomized checks
 * @param testTimeoutSeconds the default timeout of each check
 * @param outputLimitBytes how much of the submission's output to keep per check
 * @param only the ids ({@code class#method}) of the only checks to run; all when empty
 * @param calibrate whether to measure the machine's parallelism before any student class loads
 * @param harden whether to make the JVM non-dumpable before any student class loads; when the
 *     hardening fails, the runner reports a crash instead of running student code
 */
public record RunnerConfig(
    String key,
    String mode,
    Map<String, byte[]> checks,
    long seed,
    int testTimeoutSeconds,
    int outputLimitBytes,
    List<String> only,
    boolean calibrate,
    boolean harden) {

  /**
   * The system property naming a file to read the configuration from instead of standard input (for
   * sandboxes without standard input). The runner deletes the file before running any check.
   */
  public static final String INPUT_FILE_PROPERTY = "forklab.input";

  public RunnerConfig {
    if (key == null || key.length() < 32) {
      throw new IllegalArgumentException("missing or short key");
    }
    if (!mode.equals("plan") && !mode.equals("run")) {
      throw new IllegalArgumentException("mode must be plan or run, not " + mode);
    }
    checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    only = List.copyOf(only);
  }

  /** The lines the grader writes; {@link #read} parses them back. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append("key=").append(key).append('\n');
    text.append("mode=").append(mode).append('\n');
    text.append("seed=").append(seed).append('\n');
    text.append("test-timeout=").append(testTimeoutSeconds).append('\n');
    text.append("output-limit=").append(outputLimitBytes).append('\n');
    text.append("calibrate=").append(calibrate).append('\n');
    text.append("harden=").append(harden).append('\n');
    for (String id : only) {
      text.append("only=").append(id).append('\n');
    }
    Base64.Encoder base64 = Base64.getEncoder();
    checks.forEach(
        (name, bytes) ->
            text.append("check=")
                .append(name)
                .append(' ')
                .append(base64.encodeToString(bytes))
                .append('\n'));
    return text.append('\n').toString();
  }

  static RunnerConfig read(BufferedReader in) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, byte[]> checks = new LinkedHashMap<>();
    List<String> only = new ArrayList<>();
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IOException("bad config line: " + line.substring(0, Math.min(line.length(), 40)));
      }
      String name = line.substring(0, eq);
      String value = line.substring(eq + 1);
      switch (name) {
        case "check" -> {
          int space = value.indexOf(' ');
          if (space < 0) {
            throw new IOException(
                "bad check line for " + value.substring(0, Math.min(value.length(), 40)));
          }
          checks.put(
              value.substring(0, space), Base64.getDecoder().decode(value.substring(space + 1)));
        }
        case "only" -> only.add(value);
        default -> values.put(name, value);
      }
    }
    return new RunnerConfig(
        values.get("key"),
        values.getOrDefault("mode", "run"),
        checks,
        Long.parseLong(values.getOrDefault("seed", "0")),
        Integer.parseInt(values.getOrDefault("test-timeout", "60")),
        Integer.parseInt(values.getOrDefault("output-limit", "65536")),
        only,
        Boolean.parseBoolean(values.getOrDefault("calibrate", "false")),
        Boolean.parseBoolean(values.getOrDefault("harden", "false")));
  }
}
