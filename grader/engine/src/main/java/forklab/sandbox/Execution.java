package forklab.sandbox;

import forklab.course.Limits;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One JVM to run in a sandbox.
 *
 * @param label a short name for messages, such as the exercise id
 * @param classpath jars and class folders on the host; a container sandbox copies them in
 * @param trustedModules modular jars on the host that go on the module path and alone get native
 *     access; empty for a JVM that is not hardened
 * @param agents Java agent jars on the host that the JVM loads at start ({@code -javaagent}); a
 *     container sandbox copies them in
 * @param mainClass the class whose {@code main} runs
 * @param jvmOptions options before the main class (heap size is added from {@code limits})
 * @param stdin what the JVM reads on standard input; the stream is closed after it
 * @param limits time, memory, process and output limits
 * @param environment the whole environment of the JVM: nothing else from the grader's reaches it
 */
public record Execution(
    String label,
    List<Path> classpath,
    List<Path> trustedModules,
    List<Path> agents,
    String mainClass,
    List<String> jvmOptions,
    String stdin,
    Limits limits,
    Map<String, String> environment) {

  /** Longest standard-output line passed on; the rest of a longer line is dropped. */
  public static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

  /** How much of standard error is kept. */
  public static final int STDERR_KEPT_CHARS = 8 * 1024;

  public Execution {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(limits, "limits");
    classpath = List.copyOf(classpath);
    trustedModules = List.copyOf(trustedModules);
    agents = List.copyOf(agents);
    jvmOptions = List.copyOf(jvmOptions);
    environment = Map.copyOf(environment);
  }

  /** An execution with no trusted modules (a JVM that is not hardened) and no agents. */
  public Execution(
      String label,
      List<Path> classpath,
      String mainClass,
      List<String> jvmOptions,
      String stdin,
      Limits limits,
      Map<String, String> environment) {
    this(label, classpath, List.of(), List.of(), mainClass, jvmOptions, stdin, limits, environment);
  }

  /**
   * The options that put the trusted modules, as the JVM sees them at {@code modulePath}, on the
   * module path with native access, and deny native access to all other code (the class path).
   */
  public List<String> nativeAccessOptions(List<String> modulePath) {
    if (trustedModules.isEmpty()) {
      return List.of();
    }
    String names = String.join(",", trustedModules.stream().map(Execution::moduleName).toList());
    return List.of(
        "--module-path",
        String.join(File.pathSeparator, modulePath),
        "--add-modules",
        names,
        "--enable-native-access=" + names,
        "--illegal-native-access=deny");
  }

  /** One {@code -javaagent:} option per agent, as the JVM sees the agents at {@code agentPaths}. */
  public static List<String> agentOptions(List<String> agentPaths) {
    return agentPaths.stream().map(path -> "-javaagent:" + path).toList();
  }

  /** {@code forklab-hardening.jar} holds module {@code forklab.hardening}. */
  private static String moduleName(Path jar) {
    String file = jar.getFileName().toString();
    return file.substring(0, file.length() - ".jar".length()).replace('-', '.');
  }

  /** The options every sandboxed JVM gets: heap cap, no attach, no perf data file. */
  public List<String> standardJvmOptions(String tmpDir) {
    return List.of(
        "-Xmx" + limits.heapMb() + "m",
        "-Xss1m",
        "-XX:+DisableAttachMechanism",
        "-XX:-UsePerfData",
        "-Djava.io.tmpdir=" + tmpDir,
        "-Dfile.encoding=UTF-8",
        "-Dstdout.encoding=UTF-8",
        "-Dstderr.encoding=UTF-8",
        "-Djava.awt.headless=true");
  }
}
