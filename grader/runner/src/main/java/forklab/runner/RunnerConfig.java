package forklab.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the grader tells the runner, as {@code key=value} lines ending with an empty line.
 *
 * @param key the hex HMAC key that signs every frame
 * @param mode {@code plan} lists the checks; {@code run} runs them
 * @param checkRoots positions in the JVM's class path of the class folders holding the checks; positions,
 *     not paths, so that a sandbox may place the class path wherever it likes
 * @param seed the seed for randomized checks
 * @param testTimeoutSeconds the default timeout of each check
 * @param outputLimitBytes how much of the submission's output to keep per check
 * @param hideChecks delete the check class folders once they are read into memory (only where the
 *     sandbox gave the runner its own copy of them)
 */
public record RunnerConfig(
    String key, String mode, List<Integer> checkRoots, long seed, int testTimeoutSeconds, int outputLimitBytes,
    boolean hideChecks) {

  /**
   * The system property naming a file to read the configuration from instead of standard input
   * (for sandboxes without standard input). The runner deletes the file before running any check.
   */
  public static final String INPUT_FILE_PROPERTY = "forklab.input";

  public RunnerConfig {
    if (key == null || key.length() < 32) {
      throw new IllegalArgumentException("missing or short key");
    }
    if (!mode.equals("plan") && !mode.equals("run")) {
      throw new IllegalArgumentException("mode must be plan or run, not " + mode);
    }
    checkRoots = List.copyOf(checkRoots);
  }

  /** The lines the grader writes; {@link #read} parses them back. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append("key=").append(key).append('\n');
    text.append("mode=").append(mode).append('\n');
    for (int root : checkRoots) {
      text.append("root=").append(root).append('\n');
    }
    text.append("seed=").append(seed).append('\n');
    text.append("test-timeout=").append(testTimeoutSeconds).append('\n');
    text.append("output-limit=").append(outputLimitBytes).append('\n');
    text.append("hide-checks=").append(hideChecks).append('\n');
    return text.append('\n').toString();
  }

  /** The check roots as paths, looked up in {@code classPath}. */
  List<Path> checkRootPaths(String classPath) {
    String[] entries = classPath.split(java.io.File.pathSeparator);
    return checkRoots.stream().map(index -> Path.of(entries[index])).toList();
  }

  static RunnerConfig read(BufferedReader in) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    List<Integer> roots = new ArrayList<>();
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IOException("bad config line: " + line);
      }
      String name = line.substring(0, eq);
      String value = line.substring(eq + 1);
      if (name.equals("root")) {
        roots.add(Integer.parseInt(value));
      } else {
        values.put(name, value);
      }
    }
    return new RunnerConfig(
        values.get("key"),
        values.getOrDefault("mode", "run"),
        roots,
        Long.parseLong(values.getOrDefault("seed", "0")),
        Integer.parseInt(values.getOrDefault("test-timeout", "60")),
        Integer.parseInt(values.getOrDefault("output-limit", "65536")),
        Boolean.parseBoolean(values.getOrDefault("hide-checks", "false")));
  }
}
