package forklab.cli;

import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import forklab.sandbox.docker.DockerSandbox;
import forklab.sandbox.docker.SandboxImage;
import forklab.sandbox.local.LocalSandbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Opens the sandbox that {@code --sandbox} asks for. */
final class Sandboxes {
  private Sandboxes() {}

  /**
   * {@code docker} fails when no engine or image is there; {@code auto} falls back to the local
   * sandbox with a warning (on {@code err} and in {@code warnings}, which reach the reports).
   */
  static Sandbox open(SandboxChoice choice, Path scratch, List<String> warnings, PrintWriter err)
      throws SandboxException {
    return switch (choice) {
      case local -> new LocalSandbox(scratch);
      case docker -> DockerSandbox.open(SandboxImage.configured());
      case auto -> {
        String reason;
        if (DockerSandbox.engineAnswers()) {
          try {
            yield DockerSandbox.open(SandboxImage.configured());
          } catch (SandboxException e) {
            reason = e.getMessage();
          }
        } else {
          reason = "no Docker engine answers";
        }
        String warning = reason + "; using the local sandbox instead (process isolation only, no container)";
        warnings.add(warning);
        err.println("forklab: " + warning);
        yield new LocalSandbox(scratch);
      }
    };
  }
}
