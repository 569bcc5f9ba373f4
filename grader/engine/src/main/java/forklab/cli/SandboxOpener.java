package forklab.cli;

import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Opens the sandbox a command asks for; {@link Sandboxes#open} outside tests. */
@FunctionalInterface
interface SandboxOpener {
  /**
   * @param warnings receives what the reports should say about the sandbox chosen
   * @param err where to say it to the person watching
   */
  Sandbox open(SandboxRequest request, Path scratch, List<String> warnings, PrintWriter err)
      throws SandboxException;
}
