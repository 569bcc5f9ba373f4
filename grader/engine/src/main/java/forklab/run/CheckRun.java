package forklab.run;

import forklab.course.Limits;
import forklab.protocol.ProtocolCodec;
import forklab.protocol.RunnerInput;
import forklab.protocol.RunnerInput.Mode;
import forklab.runner.Frames;
import forklab.sandbox.Execution;
import forklab.sandbox.ExecutionResult;
import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Starts the runner JVM for one exercise in a sandbox and decodes what it reports. */
public final class CheckRun {
  /** The runner's main class. */
  public static final String RUNNER_MAIN = "forklab.runner.SandboxRunner";

  /** The only environment the runner JVM gets. */
  static final Map<String, String> ENVIRONMENT =
      Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "C.UTF-8");

  private final RunnerLibrary runner;

  public CheckRun(RunnerLibrary runner) {
    this.runner = runner;
  }

  /**
   * What to run and how.
   *
   * @param mode whether to list the checks or run them
   * @param checkRoots class folders of the public tests and hidden checks: their classes travel in
   *     the runner's input, never on its class path
   * @param studentClasses the submission's class folders
   * @param only the ids of the only checks to run; all when empty
   * @param calibrate whether the runner measures the machine's parallelism at start
   * @param libraries the check libraries the exercise asks for, by name
   */
  public record Request(
      String label,
      Mode mode,
      List<Path> checkRoots,
      List<Path> studentClasses,
      long seed,
      Limits limits,
      List<String> jvmOptions,
      List<String> only,
      boolean calibrate,
      List<String> libraries) {
    public Request {
      libraries = List.copyOf(libraries);
      checkRoots = List.copyOf(checkRoots);
      studentClasses = List.copyOf(studentClasses);
      jvmOptions = List.copyOf(jvmOptions);
      only = List.copyOf(only);
    }
  }

  /** Runs the checks of {@code request} in {@code sandbox}. */
  public RunOutcome run(Sandbox sandbox, Request request)
      throws SandboxException, InterruptedException {
    String key = Frames.newKey();
    boolean harden = sandbox.hardensJvm();
    RunnerInput input;
    try {
      input =
          new RunnerInput(
              key,
              request.mode(),
              request.seed(),
              request.only(),
              request.calibrate(),
              harden,
              new RunnerInput.Limits(
                  request.limits().testTimeoutSeconds(), request.limits().outputKib() * 1024),
              classFiles(request.checkRoots()));
    } catch (IOException e) {
      throw new SandboxException(
          "cannot read the check classes of " + request.label() + ": " + e.getMessage(), e);
    }
    RunnerLibrary checkJvm;
    try {
      checkJvm = runner.withLibraries(request.libraries());
    } catch (IllegalArgumentException e) {
      throw new SandboxException(request.label() + ": " + e.getMessage(), e);
    }
    // The libraries come before the submission, so a student class can never shadow one.
    List<Path> classpath =
        Stream.concat(checkJvm.classpath().stream(), request.studentClasses().stream()).toList();
    Execution execution =
        new Execution(
            request.label(),
            classpath,
            harden ? checkJvm.trustedModules() : List.of(),
            checkJvm.agents(),
            RUNNER_MAIN,
            request.jvmOptions(),
            ProtocolCodec.encode(input) + "\n",
            request.limits(),
            ENVIRONMENT);
    FrameDecoder decoder = new FrameDecoder(key);
    ExecutionResult result = sandbox.execute(execution, decoder);
    return decoder.outcome(result);
  }

  /** Every class file under {@code roots}, by binary name; a name in two roots keeps the first. */
  static Map<String, byte[]> classFiles(List<Path> roots) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file :
            files.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
          String relative = root.relativize(file).toString();
          String name =
              relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
          classes.putIfAbsent(name, Files.readAllBytes(file));
        }
      }
    }
    return classes;
  }
}
