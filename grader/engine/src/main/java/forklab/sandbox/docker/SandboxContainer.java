package forklab.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Volume;
import forklab.protocol.RunnerInput;
import forklab.sandbox.Execution;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * One sandbox container for one execution. Its limits: no network, memory equal to memory+swap, a
 * pids limit, a CPU set and quota, a read-only root with small noexec tmpfs mounts at {@code /tmp}
 * and the work folder, user 10001 with every capability dropped and no new privileges, no IPC
 * namespace sharing, and an init process. The class path goes in by copy into an anonymous volume
 * at {@code /sandbox}, owned by root and read-only to the code under test.
 */
final class SandboxContainer extends GenericContainer<SandboxContainer> {
  static final String WORK = "/sandbox";
  static final String INPUT = WORK + "/input/.forklab-input";
  private static final String MODULES = "modules";
  private static final String AGENTS = "agents";
  static final int USER = 10001;

  /** Where every sandbox image keeps its JDK (see grader/sandbox-image). */
  static final String JAVA = "/opt/forklab/jdk/bin/java";

  private static final int TMPFS_MB = 64;

  private final Execution execution;
  private volatile Duration copyTime = Duration.ZERO;

  SandboxContainer(String image, Execution execution) {
    super(DockerImageName.parse(image));
    this.execution = execution;
    List<String> command = new ArrayList<>();
    command.add(JAVA);
    command.addAll(execution.standardJvmOptions("/tmp"));
    command.addAll(execution.nativeAccessOptions(inContainer(MODULES, execution.trustedModules())));
    command.addAll(Execution.agentOptions(inContainer(AGENTS, execution.agents())));
    command.addAll(execution.jvmOptions());
    command.add("-D" + RunnerInput.INPUT_FILE_PROPERTY + "=" + INPUT);
    command.add("-cp");
    command.add(String.join(":", containerClasspath()));
    command.add(execution.mainClass());
    withCommand(command.toArray(String[]::new));
    withLabels(ContainerLabels.forThisSession());
    withEnv(execution.environment());
    withEnv(
        "PATH",
        "/opt/forklab/jdk/bin:" + execution.environment().getOrDefault("PATH", "/usr/bin:/bin"));
    withEnv("HOME", WORK + "/work");
    withWorkingDirectory(WORK + "/work");
    withStartupCheckStrategy(new AnyExitIsFine());
    withCreateContainerCmdModifier(this::harden);
  }

  private void harden(CreateContainerCmd create) {
    var limits = execution.limits();
    long memoryBytes = limits.memoryMb() * 1024L * 1024L;
    int cpus = Math.max(1, Math.min(limits.cpus(), Runtime.getRuntime().availableProcessors()));
    HostConfig host =
        create.getHostConfig() == null ? HostConfig.newHostConfig() : create.getHostConfig();
    host.withNetworkMode("none")
        .withMemory(memoryBytes)
        .withMemorySwap(memoryBytes)
        .withPidsLimit((long) limits.pids())
        .withCpusetCpus(cpus == 1 ? "0" : "0-" + (cpus - 1))
        .withNanoCPUs(cpus * 1_000_000_000L)
        .withReadonlyRootfs(true)
        // Every folder the code under test may write is a small tmpfs, counted in its memory too:
        // the volume under /sandbox (the host's disk) takes only what the grader copies in.
        .withTmpFs(
            Map.of(
                "/tmp",
                "rw,noexec,nosuid,nodev,size=" + TMPFS_MB + "m",
                WORK + "/work",
                "rw,noexec,nosuid,nodev,size="
                    + TMPFS_MB
                    + "m,uid="
                    + USER
                    + ",gid="
                    + USER
                    + ",mode=0700"))
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withIpcMode("none")
        .withInit(true)
        .withLogConfig(
            new LogConfig(
                LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "16m", "max-file", "1")));
    create
        .withHostConfig(host)
        .withUser(USER + ":" + USER)
        .withVolumes(new Volume(WORK))
        .withNetworkDisabled(true);
  }

  @Override
  protected void containerIsCreated(String containerId) {
    long started = System.nanoTime();
    byte[] archive = archive();
    dockerClient
        .copyArchiveToContainerCmd(containerId)
        .withRemotePath(WORK)
        .withTarInputStream(new ByteArrayInputStream(archive))
        .exec();
    copyTime = Duration.ofNanos(System.nanoTime() - started);
  }

  /** How long packing and copying the class path in took. */
  Duration copyTime() {
    return copyTime;
  }

  /**
   * Jars copied into {@code folder} (the trusted modules, the agents) as the container sees them:
   * {@code /sandbox/<folder>/name.jar}.
   */
  private static List<String> inContainer(String folder, List<Path> jars) {
    return jars.stream().map(jar -> WORK + "/" + folder + "/" + jar.getFileName()).toList();
  }

  /** The class path entries as the container sees them: {@code /sandbox/cp/<n>[/name.jar]}. */
  private List<String> containerClasspath() {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < execution.classpath().size(); i++) {
      Path entry = execution.classpath().get(i);
      entries.add(
          Files.isDirectory(entry)
              ? WORK + "/cp/" + i
              : WORK + "/cp/" + i + "/" + entry.getFileName());
    }
    return entries;
  }

  /**
   * A tar of the class path and the trusted modules (owned by root, read-only to the sandbox user),
   * the work folder and the runner's input (which the runner deletes once read).
   */
  private byte[] archive() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      folder(tar, "cp", 0, 0755);
      for (int i = 0; i < execution.classpath().size(); i++) {
        Path entry = execution.classpath().get(i);
        folder(tar, "cp/" + i, 0, 0755);
        if (Files.isDirectory(entry)) {
          try (Stream<Path> files = Files.walk(entry)) {
            for (Path file : files.sorted().toList()) {
              String name = "cp/" + i + "/" + entry.relativize(file);
              if (Files.isDirectory(file)) {
                if (!file.equals(entry)) {
                  folder(tar, name, 0, 0755);
                }
              } else {
                file(tar, name, Files.readAllBytes(file), 0, 0644);
              }
            }
          }
        } else {
          file(tar, "cp/" + i + "/" + entry.getFileName(), Files.readAllBytes(entry), 0, 0644);
        }
      }
      jars(tar, MODULES, execution.trustedModules());
      jars(tar, AGENTS, execution.agents());
      // The mount point of the work folder's tmpfs: files written there never reach the volume.
      folder(tar, "work", 0, 0755);
      folder(tar, "input", USER, 0700);
      file(
          tar,
          "input/.forklab-input",
          execution.stdin().getBytes(StandardCharsets.UTF_8),
          USER,
          0600);
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack the class path for the sandbox", e);
    }
    return bytes.toByteArray();
  }

  /** Jars into {@code folder} of the tar, owned by root and read-only to the sandbox user. */
  private static void jars(TarArchiveOutputStream tar, String folder, List<Path> jars)
      throws IOException {
    folder(tar, folder, 0, 0755);
    for (Path jar : jars) {
      file(tar, folder + "/" + jar.getFileName(), Files.readAllBytes(jar), 0, 0644);
    }
  }

  private static void folder(TarArchiveOutputStream tar, String name, int owner, int mode)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    entry.setIds(owner, owner);
    entry.setMode(040000 | mode);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  private static void file(
      TarArchiveOutputStream tar, String name, byte[] content, int owner, int mode)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setIds(owner, owner);
    entry.setMode(0100000 | mode);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  /**
   * A one-shot container may end at once, and how it ended is the grader's business, not a startup
   * failure.
   */
  private static final class AnyExitIsFine extends StartupCheckStrategy {
    AnyExitIsFine() {
      withTimeout(Duration.ofSeconds(30));
    }

    @Override
    public StartupStatus checkStartupState(DockerClient client, String containerId) {
      return StartupStatus.SUCCESSFUL;
    }
  }
}
