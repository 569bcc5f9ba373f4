package forklab.sandbox.docker;

import forklab.sandbox.SandboxException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link RequiresDocker}. */
final class DockerAvailable implements ExecutionCondition {
  static final String REQUIRE_PROPERTY = "forklab.requireDocker";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String problem = problem();
    if (problem == null) {
      return ConditionEvaluationResult.enabled(
          "a Docker engine answers and the sandbox image is there");
    }
    if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
      throw new IllegalStateException(
          "this test needs Docker, and -D"
              + REQUIRE_PROPERTY
              + "=true forbids skipping it: "
              + problem);
    }
    return ConditionEvaluationResult.disabled("skipped, needs Docker: " + problem);
  }

  /** Why the Docker sandbox cannot run here, or null when it can. */
  static String problem() {
    if (!DockerSandbox.engineAnswers(environment())) {
      return "no Docker engine answers (or TESTCONTAINERS_RYUK_DISABLED is not true)";
    }
    try (DockerSandbox sandbox = DockerSandbox.open(image(), environment())) {
      return null;
    } catch (SandboxException e) {
      return e.getMessage();
    }
  }

  /** The sandbox image the tests use: {@code FORKLAB_SANDBOX_IMAGE}, else the default. */
  static String image() {
    String image = System.getenv(SandboxImage.VARIABLE);
    return image == null || image.isBlank() ? SandboxImage.DEFAULT : image;
  }

  /** What Testcontainers reads from this test JVM's environment. */
  static TestcontainersEnvironment environment() {
    return TestcontainersEnvironment.of(System.getenv());
  }
}
