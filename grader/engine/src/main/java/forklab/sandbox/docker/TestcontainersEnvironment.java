package forklab.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two settings that Testcontainers reads from the process environment itself, read once by the
 * command line and checked here before the Docker sandbox opens: Forklab removes its own containers
 * and pulls no helper image, so Ryuk must be off and the host fixed.
 *
 * @param ryukDisabled {@code TESTCONTAINERS_RYUK_DISABLED=true}
 * @param hostOverridden {@code TESTCONTAINERS_HOST_OVERRIDE} is set
 */
public record TestcontainersEnvironment(boolean ryukDisabled, boolean hostOverridden) {
  public static final String RYUK_DISABLED = "TESTCONTAINERS_RYUK_DISABLED";
  public static final String HOST_OVERRIDE = "TESTCONTAINERS_HOST_OVERRIDE";

  /** The settings as {@code environment} (the process's, at the edge) holds them. */
  public static TestcontainersEnvironment of(Map<String, String> environment) {
    return new TestcontainersEnvironment(
        "true".equalsIgnoreCase(environment.get(RYUK_DISABLED)),
        environment.get(HOST_OVERRIDE) != null);
  }

  /** What is missing, as {@code NAME=value} to set; empty when the Docker sandbox may open. */
  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (!ryukDisabled) {
      missing.add(RYUK_DISABLED + "=true");
    }
    if (!hostOverridden) {
      missing.add(HOST_OVERRIDE + "=localhost");
    }
    return missing;
  }
}
