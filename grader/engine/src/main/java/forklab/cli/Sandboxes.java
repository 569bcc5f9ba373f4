package forklab.cli;

import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import forklab.sandbox.docker.DockerSandbox;
import forklab.sandbox.local.LocalSandbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Opens the sandbox that {@code --sandbox} asks for. */
final class Sandboxes {
  private Sandboxes() {}

  /**
   * {@code docker} fails when no engine or image is there; {@code auto} falls back to the local
   * sandbox with a warning (on {@code err} and in {@code warnings}, which reach the reports). The
   * local sandbox is confined by bubblewrap where it works, else a bare child process.
   */
  static Sandbox open(SandboxRequest request, Path scratch, List<String> warnings, PrintWriter err)
      throws SandboxException {
    Sandbox sandbox = openChoice(request, scratch, warnings, err);
    if (sandbox.isolation().containsUntrustedCode()) {
      return sandbox;
    }
    String why =
        "neither Docker nor bubblewrap can isolate the submission here ("
            + LocalSandbox.bubblewrapUnavailable().orElse("bubblewrap unusable")
            + ")";
    if (request.requireIsolation()) {
      sandbox.close();
      throw new SandboxException(
          why
              + ", and with CI=true untrusted code never runs without isolation;"
              + " install Docker or bubblewrap (apt-get install bubblewrap), or pass --trusted for code you trust");
    }
    String warning =
        why
            + "; the submission runs as a plain child process that can read and write what the"
            + " grader can: grade only code you trust this way";
    warnings.add(warning);
    err.println("forklab: " + warning);
    return sandbox;
  }

  private static Sandbox openChoice(
      SandboxRequest request, Path scratch, List<String> warnings, PrintWriter err)
      throws SandboxException {
    return switch (request.choice()) {
      case local -> new LocalSandbox(scratch);
      case docker -> DockerSandbox.open(request.image(), request.testcontainers());
      case auto -> {
        String reason;
        if (DockerSandbox.engineAnswers(request.testcontainers())) {
          try {
            yield DockerSandbox.open(request.image(), request.testcontainers());
          } catch (SandboxException e) {
            reason = e.getMessage();
          }
        } else {
          reason = "no Docker engine answers";
        }
        LocalSandbox local = new LocalSandbox(scratch);
        String warning =
            reason
                + "; using the local sandbox instead ("
                + (local.isolation().containsUntrustedCode()
                    ? "bubblewrap: own namespaces, no network, no memory or CPU limits beyond the JVM's own"
                    : "no isolation")
                + ")";
        warnings.add(warning);
        err.println("forklab: " + warning);
        yield local;
      }
    };
  }
}
