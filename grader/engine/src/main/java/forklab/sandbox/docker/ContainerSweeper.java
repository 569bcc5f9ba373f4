package forklab.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;

/**
 * Removes sandbox containers without Ryuk: this session's at exit, and at start those whose owning
 * grader process is gone (it was killed before it could clean up).
 */
final class ContainerSweeper {
  private static volatile boolean hookInstalled;

  private ContainerSweeper() {}

  static synchronized void installShutdownHook(DockerClient client) {
    if (!hookInstalled) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> removeSession(client, ContainerLabels.SESSION_ID),
                  "forklab-container-sweeper"));
      hookInstalled = true;
    }
  }

  /**
   * Removes this machine's sandbox containers whose owner process no longer runs; returns how many.
   */
  static int removeAbandoned(DockerClient client) {
    int removed = 0;
    for (Container container : sandboxContainers(client, Map.of(ContainerLabels.SANDBOX, "1"))) {
      String owner = container.getLabels().getOrDefault(ContainerLabels.OWNER_PID, "");
      boolean ownerAlive =
          owner.matches("\\d+")
              && ProcessHandle.of(Long.parseLong(owner)).map(ProcessHandle::isAlive).orElse(false);
      boolean ours =
          ContainerLabels.SESSION_ID.equals(container.getLabels().get(ContainerLabels.SESSION));
      if (!ownerAlive && !ours) {
        remove(client, container.getId());
        removed++;
      }
    }
    return removed;
  }

  static void removeSession(DockerClient client, String session) {
    for (Container container :
        sandboxContainers(client, Map.of(ContainerLabels.SESSION, session))) {
      remove(client, container.getId());
    }
  }

  /** Sandbox containers with all of {@code labels}, running or not. */
  static List<Container> sandboxContainers(DockerClient client, Map<String, String> labels) {
    try {
      return client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
    } catch (RuntimeException engineGone) {
      return List.of();
    }
  }

  static void remove(DockerClient client, String id) {
    try {
      client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (RuntimeException alreadyGone) {
      // Removed meanwhile, or the engine is gone and took it along.
    }
  }
}
