package forklab.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/** What a graded attack may have left on the host: containers, volumes, processes and files. */
final class HostLeftovers {
  private HostLeftovers() {}

  /**
   * Whether a missing bubblewrap fails the local half instead of skipping it; by default the same
   * as {@code forklab.requireDocker} (CI sets both). A job container without user namespaces sets
   * it false.
   */
  static final String REQUIRE_BUBBLEWRAP = "forklab.requireBubblewrap";

  /**
   * Returns when {@code sandbox} can run here; skips the test, or fails it where CI requires every
   * sandbox.
   */
  static void requireSandbox(String sandbox) {
    String problem =
        sandbox.equals("docker")
            ? DockerAvailable.problem()
            : forklab.sandbox.local.LocalSandbox.bubblewrapUnavailable().orElse(null);
    if (problem == null) {
      return;
    }
    String required =
        sandbox.equals("docker") ? DockerAvailable.REQUIRE_PROPERTY : REQUIRE_BUBBLEWRAP;
    if (Boolean.parseBoolean(
        System.getProperty(required, System.getProperty(DockerAvailable.REQUIRE_PROPERTY)))) {
      throw new IllegalStateException(
          "the "
              + sandbox
              + " sandbox is needed here, and -D"
              + required
              + "=true forbids skipping: "
              + problem);
    }
    org.junit.jupiter.api.Assumptions.abort(
        "skipped, needs the " + sandbox + " sandbox: " + problem);
  }

  static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }

  static List<String> sandboxContainers() {
    return docker()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(ContainerLabels.SANDBOX, "1"))
        .exec()
        .stream()
        .map(container -> container.getId())
        .toList();
  }

  static Set<String> volumes() {
    Set<String> names = new HashSet<>();
    var volumes = docker().listVolumesCmd().exec().getVolumes();
    if (volumes != null) {
      volumes.forEach(volume -> names.add(volume.getName()));
    }
    return names;
  }

  static List<Long> processesOf(int uid) throws IOException {
    List<Long> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry :
          entries
              .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
              .toList()) {
        try {
          for (String line : Files.readAllLines(entry.resolve("status"))) {
            if (line.startsWith("Uid:") && line.split("\\s+")[1].equals(Integer.toString(uid))) {
              found.add(Long.parseLong(entry.getFileName().toString()));
            }
          }
        } catch (IOException gone) {
          // ended meanwhile
        }
      }
    }
    return found;
  }

  static List<Path> filesOf(int uid, List<Path> roots) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> paths = Files.walk(root, 4)) {
        for (Path path : paths.toList()) {
          try {
            if ((Integer)
                    Files.getAttribute(path, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS)
                == uid) {
              found.add(path);
            }
          } catch (IOException | UnsupportedOperationException gone) {
            // vanished or not a unix file system
          }
        }
      } catch (java.io.UncheckedIOException unreadable) {
        // a folder another process removed while we walked
      }
    }
    return found;
  }
}
