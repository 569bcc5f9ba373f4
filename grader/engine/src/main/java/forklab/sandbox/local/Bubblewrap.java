package forklab.sandbox.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The bubblewrap command that confines one JVM: its own user, PID, network, IPC, UTS and cgroup
 * namespaces; a new root holding only {@code /usr} (the JDK and tools), a few files of {@code
 * /etc}, the class path read-only and two size-capped tmpfs (the work folder and {@code /tmp});
 * user {@value #SANDBOX_UID}; no capabilities; killed with the grader. Where the grader runs as
 * root, it first drops to that uid on the host too ({@code setpriv}), so the JVM is an unprivileged
 * process even outside its namespaces: it cannot read root's files, signal the grader or open its
 * own memory once non-dumpable.
 */
final class Bubblewrap {
  static final int SANDBOX_UID = 10001;
  static final long TMPFS_BYTES = 64L * 1024 * 1024;
  private static final List<String> ETC_FILES =
      List.of(
          "/etc/ld.so.cache",
          "/etc/localtime",
          "/etc/nsswitch.conf",
          "/etc/hosts",
          "/etc/passwd",
          "/etc/group",
          "/etc/alternatives");

  /** The system property naming the bwrap program (default {@code bwrap} from the PATH). */
  static final String PROGRAM_PROPERTY = "forklab.bubblewrap";

  private static final Map<String, Optional<String>> PROBED = new ConcurrentHashMap<>();

  private Bubblewrap() {}

  /**
   * Why bubblewrap cannot confine a JVM here, or empty when it can: it is installed and a confined
   * {@code java -version} of this JDK runs. Probed once.
   */
  static Optional<String> unavailable() {
    return PROBED.computeIfAbsent(program(), program -> probe());
  }

  private static boolean installed(String program) {
    if (program.contains("/")) {
      return Files.isExecutable(Path.of(program));
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, program)));
  }

  private static String program() {
    return System.getProperty(PROGRAM_PROPERTY, "bwrap");
  }

  private static Optional<String> probe() {
    if (!installed(program())) {
      return Optional.of(
          "bubblewrap is not installed: no " + program() + " (apt-get install bubblewrap)");
    }
    Path javaHome = Path.of(System.getProperty("java.home"));
    List<String> command =
        command(javaHome, List.of(), Path.of("/tmp/forklab-probe"), Map.of(), 64);
    command.add(javaHome.resolve("bin/java").toString());
    command.add("-Xshare:auto");
    command.add("-version");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.of("a confined java -version did not finish");
      }
      if (process.exitValue() != 0) {
        return Optional.of(
            "bwrap failed (exit code "
                + process.exitValue()
                + "): "
                + new String(output, StandardCharsets.UTF_8).strip());
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(
          "bubblewrap is not installed (apt-get install bubblewrap): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while probing bubblewrap");
    }
  }

  /**
   * The command prefix, up to the program to run.
   *
   * @param javaHome the JDK the JVM runs from
   * @param readOnly class path entries and modules, bound read-only at their own paths
   * @param workDir the work folder (HOME, the current folder): a fresh tmpfs at that path
   * @param environment the whole environment inside
   * @param processes the most processes and threads the sandbox user may have
   */
  static List<String> command(
      Path javaHome,
      List<Path> readOnly,
      Path workDir,
      Map<String, String> environment,
      int processes) {
    List<String> command = new ArrayList<>();
    if (runningAsRoot()) {
      command.addAll(
          List.of("setpriv", "--reuid=" + SANDBOX_UID, "--regid=" + SANDBOX_UID, "--clear-groups"));
    }
    command.addAll(
        List.of("prlimit", "--nproc=" + processes, "--core=0", "--fsize=" + TMPFS_BYTES));
    // The JVM is the namespace's init: bwrap's own init can outlive its monitor as a zombie that
    // only the machine's init reaps.
    command.addAll(
        List.of(
            program(),
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--as-pid-1",
            "--uid",
            Integer.toString(SANDBOX_UID),
            "--gid",
            Integer.toString(SANDBOX_UID)));
    systemFolder(command, "/usr");
    for (String folder : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
      systemFolder(command, folder);
    }
    for (String file : ETC_FILES) {
      command.addAll(List.of("--ro-bind-try", file, file));
    }
    if (!javaHome.toAbsolutePath().normalize().startsWith("/usr/")) {
      command.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
    }
    // /dev is a tmpfs as large as half the memory: read-only but for a small /dev/shm.
    command.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
    command.addAll(List.of("--size", Long.toString(TMPFS_BYTES), "--tmpfs", "/dev/shm"));
    command.addAll(List.of("--remount-ro", "/dev"));
    command.addAll(List.of("--size", Long.toString(TMPFS_BYTES), "--tmpfs", "/tmp"));
    command.addAll(List.of("--size", Long.toString(TMPFS_BYTES), "--tmpfs", workDir.toString()));
    command.addAll(
        List.of("--dir", workDir.resolve("tmp").toString(), "--chdir", workDir.toString()));
    // After the tmpfs mounts, which would otherwise hide entries that lie under /tmp.
    for (Path entry : readOnly) {
      command.addAll(List.of("--ro-bind", entry.toString(), entry.toString()));
    }
    command.add("--clearenv");
    environment.forEach((name, value) -> command.addAll(List.of("--setenv", name, value)));
    return command;
  }

  /**
   * A top-level folder as the host has it: a symlink stays a symlink, a folder is bound read-only.
   */
  private static void systemFolder(List<String> command, String folder) {
    Path path = Path.of(folder);
    try {
      if (Files.isSymbolicLink(path)) {
        command.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), folder));
      } else if (Files.isDirectory(path)) {
        command.addAll(List.of("--ro-bind", folder, folder));
      }
    } catch (IOException unreadable) {
      // Left out: the JVM will say what it misses.
    }
  }

  private static boolean runningAsRoot() {
    try {
      return Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }
}
