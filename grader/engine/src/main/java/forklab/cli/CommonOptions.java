package forklab.cli;

import forklab.sandbox.docker.SandboxImage;
import java.nio.file.Path;
import java.security.SecureRandom;
import picocli.CommandLine.Option;

/**
 * The options {@code grade} and {@code verify} share, mixed into both. Every setting Forklab takes
 * from its environment is one of these, with the environment as the default that {@code --help}
 * shows; nothing below the command line reads the environment.
 */
final class CommonOptions {
  @Option(
      names = "--course",
      paramLabel = "HOME",
      description =
          "the course to use: a folder with exercises/,"
              + " solutions/ and grader/checks/ (default: this Forklab's own)")
  Path course;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      defaultValue = "${sys:forklab.home:-.}",
      description =
          "this Forklab's installation: its runner and caches"
              + " (default: ${DEFAULT-VALUE}, from -Dforklab.home, which ./forklab sets)")
  Path home;

  @Option(
      names = "--sandbox",
      paramLabel = "MODE",
      description =
          "where the submission runs: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  SandboxChoice sandbox = SandboxChoice.auto;

  @Option(
      names = "--sandbox-image",
      paramLabel = "IMAGE",
      defaultValue = "${env:" + SandboxImage.VARIABLE + ":-" + SandboxImage.DEFAULT + "}",
      description =
          "the Docker sandbox's image (default: ${DEFAULT-VALUE}, from the "
              + SandboxImage.VARIABLE
              + " variable)")
  String sandboxImage;

  @Option(
      names = "--ci",
      arity = "1",
      paramLabel = "BOOL",
      defaultValue = "${env:CI:-false}",
      description =
          "grade as CI does: untrusted code only in Docker or bubblewrap, exercises that need a"
              + " container only in Docker (default: ${DEFAULT-VALUE}, from the CI variable)")
  boolean ci;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "seed for randomized checks (default: a fresh one, printed)")
  Long seed;

  /** The {@code --seed} given, else a fresh non-negative one. */
  long seedOrFresh() {
    return seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
  }

  /** The image, or the default when {@code --sandbox-image} (or its variable) is blank. */
  String image() {
    return sandboxImage == null || sandboxImage.isBlank() ? SandboxImage.DEFAULT : sandboxImage;
  }
}
