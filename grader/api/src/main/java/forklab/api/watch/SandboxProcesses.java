package forklab.api.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every process in the sandbox that runs the checks, other than the check JVM and the sandbox's
 * init: the JVM's descendants and also the orphans they left, which {@link Descendants} misses
 * because a process that detaches ({@code setsid}, a double fork) is re-parented to init.
 *
 * <p>The grader runs the checks in a PID namespace of their own, where the check JVM is process 1
 * or the only child of process 1, so the namespace's {@code /proc} lists exactly what the code
 * under test started. Where the checks run without one (under Maven), {@link #seesWholeSandbox()}
 * is false and only the descendants are counted and killed: never another process of the machine.
 *
 * <pre>{@code
 * Set<Long> before = SandboxProcesses.others();
 * supervisor.runAll(tasks, input);
 * Set<Long> left = SandboxProcesses.survivorsAfter(before, Duration.ofSeconds(2));
 *
 * @AfterEach void killLeftovers() { SandboxProcesses.killAll(); }
 * }</pre>
 */
public final class SandboxProcesses {
  private static final SandboxProcesses THIS_SANDBOX =
      new SandboxProcesses(Path.of("/proc"), ProcessHandle.current().pid());

  private final Path proc;
  private final long self;

  SandboxProcesses(Path proc, long self) {
    this.proc = proc;
    this.self = self;
  }

  /**
   * Whether this JVM runs in a PID namespace of its own (as its init or init's child), so that
   * orphans are seen too.
   */
  public static boolean seesWholeSandbox() {
    return THIS_SANDBOX.isolated();
  }

  /**
   * The pids of every live process but this JVM and its ancestors: in a sandbox, orphans included;
   * elsewhere, this JVM's descendants.
   */
  public static Set<Long> others() {
    return THIS_SANDBOX.live();
  }

  /** The pids of {@link #others()} that are not in {@code before}. */
  public static Set<Long> othersExcept(Set<Long> before) {
    return Survivors.except(others(), before);
  }

  /**
   * Polls until no process outside {@code before} is alive or {@code grace} has passed; returns the
   * survivors.
   */
  public static Set<Long> survivorsAfter(Set<Long> before, Duration grace)
      throws InterruptedException {
    return Survivors.after(SandboxProcesses::others, before, grace);
  }

  /**
   * Kills every process of {@link #others()} and waits up to 5 s for them to end, so that a wrong
   * submission cannot spoil the next check.
   */
  public static void killAll() {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Set<Long> doomed = others();
    while (!doomed.isEmpty() && System.nanoTime() < deadline) {
      doomed.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      doomed = others();
    }
  }

  /** A process for feedback: its pid and command line, or its name when that cannot be read. */
  public static String describe(long pid) {
    return THIS_SANDBOX.description(pid);
  }

  boolean isolated() {
    return isolated(status(self).orElse(null));
  }

  /** This JVM is the namespace's init, or init's child (Docker's init runs it). */
  private boolean isolated(Status own) {
    return self == 1 || own != null && own.parent() == 1;
  }

  Set<Long> live() {
    Map<Long, Status> all = new HashMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          long pid = Long.parseLong(name);
          status(pid).ifPresent(status -> all.put(pid, status));
        }
      }
    } catch (IOException unreadable) {
      return Descendants.alive();
    }
    Set<Long> ancestors = new HashSet<>();
    for (long pid = self; pid > 0 && ancestors.add(pid); ) {
      Status status = all.get(pid);
      pid = status == null ? 0 : status.parent();
    }
    Set<Long> isolatedView = new TreeSet<>();
    Set<Long> descendants = new TreeSet<>();
    for (Map.Entry<Long, Status> entry : all.entrySet()) {
      long pid = entry.getKey();
      if (ancestors.contains(pid) || !entry.getValue().running()) {
        continue;
      }
      isolatedView.add(pid);
      if (descendsFromSelf(pid, all)) {
        descendants.add(pid);
      }
    }
    return isolated(all.get(self)) ? isolatedView : descendants;
  }

  private boolean descendsFromSelf(long pid, Map<Long, Status> all) {
    Set<Long> seen = new HashSet<>();
    for (Status status = all.get(pid); status != null && seen.add(status.parent()); ) {
      if (status.parent() == self) {
        return true;
      }
      status = all.get(status.parent());
    }
    return false;
  }

  private String description(long pid) {
    try {
      byte[] raw = Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("cmdline"));
      String command = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
      if (!command.isEmpty()) {
        return pid + " (" + abbreviate(command) + ")";
      }
    } catch (IOException gone) {
      // Falls back to the name in stat.
    }
    return status(pid).map(status -> pid + " (" + status.name() + ")").orElse(pid + " (gone)");
  }

  private static String abbreviate(String command) {
    return command.length() <= 120 ? command : command.substring(0, 117) + "...";
  }

  /** The name, state and parent of a process, from {@code /proc/<pid>/stat}. */
  private Optional<Status> status(long pid) {
    try {
      String stat =
          Files.readString(
              proc.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String[] fields = stat.substring(close + 2).trim().split(" ");
      return Optional.of(
          new Status(
              stat.substring(open + 1, close), fields[0].charAt(0), Long.parseLong(fields[1])));
    } catch (IOException | RuntimeException gone) {
      return Optional.empty();
    }
  }

  private record Status(String name, char state, long parent) {
    /** Zombies ({@code Z}) and the dead ({@code X}) hold no resources but a pid. */
    boolean running() {
      return state != 'Z' && state != 'X';
    }
  }
}
