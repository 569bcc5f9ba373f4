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
    if (!DockerSandbox.engineAnswers()) {
      return "no Docker engine answers (or TESTCONTAINERS_RYUK_DISABLED is not true)";
    }
    try (DockerSandbox sandbox = DockerSandbox.open(SandboxImage.configured())) {
      return null;
    } catch (SandboxException e) {
      return e.getMessage();
    }
  }
}
