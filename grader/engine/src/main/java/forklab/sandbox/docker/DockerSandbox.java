package forklab.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import forklab.protocol.RunnerInput;
import forklab.sandbox.Execution;
import forklab.sandbox.ExecutionResult;
import forklab.sandbox.Isolation;
import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import forklab.sandbox.StreamPump;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;

/**
 * Runs each execution in a fresh container from the sandbox image, through Testcontainers. See
 * {@link SandboxContainer} for the container's limits.
 */
public final class DockerSandbox implements Sandbox {
  private static final Duration LOG_GRACE = Duration.ofSeconds(5);

  private final DockerClient client;
  private final String image;

  private DockerSandbox(DockerClient client, String image) {
    this.client = client;
    this.image = image;
  }

  /**
   * Connects to the Docker engine and checks that the sandbox image is there.
   *
   * @param environment what Testcontainers will read from this process's environment
   * @throws SandboxException when no engine answers or the image is missing, saying what to do
   */
  public static DockerSandbox open(String image, TestcontainersEnvironment environment)
      throws SandboxException {
    requireEnvironment(environment);
    DockerClient client;
    try {
      if (!DockerClientFactory.instance().isDockerAvailable()) {
        throw new SandboxException(
            "no Docker engine answers (is dockerd running, and DOCKER_HOST right?)");
      }
      client = DockerClientFactory.instance().client();
    } catch (RuntimeException e) {
      throw new SandboxException("no Docker engine answers: " + e.getMessage(), e);
    }
    try {
      client.inspectImageCmd(image).exec();
    } catch (NotFoundException e) {
      throw new SandboxException(SandboxImage.howToBuild(image));
    } catch (RuntimeException e) {
      throw new SandboxException(
          "the Docker engine failed while looking for " + image + ": " + e.getMessage(), e);
    }
    ContainerSweeper.installShutdownHook(client);
    ContainerSweeper.removeAbandoned(client);
    return new DockerSandbox(client, image);
  }

  /** Whether a Docker engine answers here, without waiting long or throwing. */
  public static boolean engineAnswers(TestcontainersEnvironment environment) {
    if (!environment.ryukDisabled()) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void requireEnvironment(TestcontainersEnvironment environment)
      throws SandboxException {
    List<String> missing = environment.missing();
    if (!missing.isEmpty()) {
      throw new SandboxException(
          "the Docker sandbox needs "
              + String.join(" and ", missing)
              + " in the environment (Forklab removes its own containers and pulls no helper image);"
              + " ./forklab sets them");
    }
  }

  @Override
  public String name() {
    return "docker";
  }

  @Override
  public Isolation isolation() {
    return Isolation.CONTAINER;
  }

  /** Every sandbox image has a JDK of 24 or newer (see grader/sandbox-image). */
  @Override
  public boolean hardensJvm() {
    return true;
  }

  @Override
  public ExecutionResult execute(Execution execution, Consumer<String> stdoutLines)
      throws SandboxException, InterruptedException {
    long started = System.nanoTime();
    SandboxContainer container = new SandboxContainer(image, execution);
    StreamPump.Tail stderr = StreamPump.tail(Execution.STDERR_KEPT_CHARS);
    PipedInputStream stdout = new PipedInputStream(1 << 20);
    Thread pump;
    try {
      PipedOutputStream stdoutSink = new PipedOutputStream(stdout);
      pump =
          StreamPump.start(
              execution.label() + "-stdout", stdout, stdoutLines, Execution.MAX_LINE_CHARS);
      long startNanos = System.nanoTime();
      try {
        container.start();
      } catch (RuntimeException e) {
        throw new SandboxException(
            "the sandbox container for " + execution.label() + " did not start: " + rootMessage(e),
            e);
      }
      ResultCallback.Adapter<Frame> logs =
          client
              .logContainerCmd(container.getContainerId())
              .withStdOut(true)
              .withStdErr(true)
              .withFollowStream(true)
              .exec(
                  new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                      forward(frame, stdoutSink, stderr);
                    }
                  });
      Duration startTime = Duration.ofNanos(System.nanoTime() - startNanos);
      long runNanos = System.nanoTime();
      Integer exitCode =
          awaitExit(container.getContainerId(), execution.limits().timeLimitSeconds());
      Duration runTime = Duration.ofNanos(System.nanoTime() - runNanos);
      boolean timedOut = exitCode == null;
      if (timedOut) {
        kill(container.getContainerId());
      }
      InspectContainerResponse.ContainerState state = inspect(container.getContainerId());
      logs.awaitCompletion(LOG_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      closeQuietly(stdoutSink);
      pump.join(LOG_GRACE.toMillis());
      int code = state.getExitCodeLong() == null ? 137 : state.getExitCodeLong().intValue();
      boolean oom = Boolean.TRUE.equals(state.getOOMKilled());
      long removeNanos = System.nanoTime();
      stopQuietly(container);
      Map<String, Duration> phases = new LinkedHashMap<>();
      phases.put("copy", container.copyTime());
      phases.put("start", startTime.minus(container.copyTime()));
      phases.put("run", runTime);
      phases.put("remove", Duration.ofNanos(System.nanoTime() - removeNanos));
      return new ExecutionResult(
          code,
          timedOut,
          oom,
          Duration.ofNanos(System.nanoTime() - started),
          stderr.toString(),
          phases);
    } catch (IOException e) {
      throw new SandboxException(
          "cannot read the sandbox container's output: " + e.getMessage(), e);
    } finally {
      stopQuietly(container);
    }
  }

  private Integer awaitExit(String id, int seconds) throws SandboxException, InterruptedException {
    try {
      return client.waitContainerCmd(id).start().awaitStatusCode(seconds, TimeUnit.SECONDS);
    } catch (DockerClientException timeout) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      return null;
    } catch (RuntimeException e) {
      throw new SandboxException(
          "the Docker engine failed while the checks ran: " + rootMessage(e), e);
    }
  }

  private InspectContainerResponse.ContainerState inspect(String id) throws SandboxException {
    try {
      return client.inspectContainerCmd(id).exec().getState();
    } catch (RuntimeException e) {
      throw new SandboxException(
          "the sandbox container disappeared while the checks ran: " + rootMessage(e), e);
    }
  }

  private void kill(String id) {
    try {
      client.killContainerCmd(id).exec();
    } catch (RuntimeException alreadyStopped) {
      // It ended on its own just now.
    }
  }

  private static void forward(Frame frame, PipedOutputStream stdout, StreamPump.Tail stderr) {
    byte[] bytes = frame.getPayload();
    if (bytes == null) {
      return;
    }
    if (frame.getStreamType() == StreamType.STDERR) {
      stderr.accept(new String(bytes, StandardCharsets.UTF_8).stripTrailing());
      return;
    }
    try {
      stdout.write(bytes);
    } catch (IOException pumpGone) {
      // The reader gave up; the rest of the output is dropped.
    }
  }

  private static void stopQuietly(SandboxContainer container) {
    try {
      container.stop();
    } catch (RuntimeException e) {
      // The sweeps remove it later.
    }
  }

  private static void closeQuietly(PipedOutputStream sink) {
    try {
      sink.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** The system property the runner reads its input file name from. */
  static String inputProperty() {
    return RunnerInput.INPUT_FILE_PROPERTY;
  }
}
