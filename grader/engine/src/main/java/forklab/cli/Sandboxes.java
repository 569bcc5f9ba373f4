package forklab.cli;

import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import forklab.sandbox.local.LocalSandbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Opens the sandbox that {@code --sandbox} asks for. */
final class Sandboxes {
  private Sandboxes() {}

  static Sandbox open(SandboxChoice choice, Path scratch, List<String> warnings, PrintWriter err) throws SandboxException {
    return switch (choice) {
      case local -> new LocalSandbox(scratch);
      case docker -> throw new SandboxException(
          "the Docker sandbox is not available in this version of Forklab; use --sandbox local");
      case auto -> {
        String warning = "no Docker sandbox available; using the local sandbox (process isolation only)";
        warnings.add(warning);
        err.println("forklab: " + warning);
        yield new LocalSandbox(scratch);
      }
    };
  }
}
