package forklab.sandbox.docker;

/** Where the sandbox image's name comes from, and how to build it. */
public final class SandboxImage {
  /** The environment variable that gives {@code --sandbox-image} its default. */
  public static final String VARIABLE = "FORKLAB_SANDBOX_IMAGE";

  public static final String DEFAULT = "forklab-sandbox:latest";

  private SandboxImage() {}

  /** What to tell a user whose engine lacks {@code image}. */
  public static String howToBuild(String image) {
    return "the sandbox image "
        + image
        + " is missing; build it with"
        + " `docker build -t "
        + image
        + " grader/sandbox-image` (needs a registry) or"
        + " `grader/sandbox-image/build-offline.sh "
        + image
        + "` (no registry needed)";
  }
}
