package forklab.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import forklab.engine.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;

/** Without Ryuk, Forklab's own sweeps remove its containers, also when a grader is killed. */
@Tag("slow")
@RequiresDocker
@Timeout(120)
class ContainerCleanupTest {
  private static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }

  private static List<String> containersOfSession(String session) {
    return docker()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(ContainerLabels.SESSION, session))
        .exec()
        .stream()
        .map(c -> c.getId())
        .toList();
  }

  @Test
  void openingTheSandboxRemovesContainersWhoseGraderIsGone() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    CreateContainerResponse abandoned =
        docker()
            .createContainerCmd(DockerAvailable.image())
            .withCmd("sleep", "300")
            .withLabels(
                Map.of(
                    ContainerLabels.SANDBOX,
                    "1",
                    ContainerLabels.SESSION,
                    "abandoned-by-a-killed-grader",
                    ContainerLabels.OWNER_PID,
                    Long.toString(gone.pid())))
            .exec();
    docker().startContainerCmd(abandoned.getId()).exec();
    assertThat(containersOfSession("abandoned-by-a-killed-grader")).hasSize(1);

    DockerSandbox.open(DockerAvailable.image(), DockerAvailable.environment()).close();

    assertThat(containersOfSession("abandoned-by-a-killed-grader")).isEmpty();
  }

  @Test
  void aGraderStoppedMidRunRemovesItsContainerOnTheWayOut() throws Exception {
    Path submission = Path.of("src/test/fixtures/attacks/endless-loop").toAbsolutePath();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dforklab.home=" + Fixtures.home(),
                "forklab.cli.Forklab",
                "grade",
                submission.toString(),
                "--course",
                Fixtures.echoCourse().toString(),
                "--exercise",
                "ex90-echo",
                "--sandbox",
                "docker",
                "--out",
                Path.of(System.getProperty("java.io.tmpdir"), "forklab-cleanup-test").toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
    builder.environment().put("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
    Process grader = builder.start();
    Thread drain =
        new Thread(
            () -> {
              try {
                grader.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
              } catch (java.io.IOException ignored) {
                // the grader is gone
              }
            });
    drain.setDaemon(true);
    drain.start();

    String label = ContainerLabels.OWNER_PID;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<String> running = List.of();
    while (running.isEmpty() && System.nanoTime() < deadline && grader.isAlive()) {
      running =
          docker()
              .listContainersCmd()
              .withLabelFilter(Map.of(label, Long.toString(grader.pid())))
              .exec()
              .stream()
              .map(c -> c.getId())
              .toList();
      Thread.sleep(200);
    }
    assertThat(running).as("the grader's container, while the endless loop runs").isNotEmpty();

    grader.destroy();
    assertThat(grader.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(
            docker()
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(label, Long.toString(grader.pid())))
                .exec())
        .as("containers left by the stopped grader")
        .isEmpty();
  }
}
