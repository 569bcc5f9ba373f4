package forklab.run;

import forklab.course.Limits;
import forklab.runner.Frames;
import forklab.runner.RunnerConfig;
import forklab.sandbox.Execution;
import forklab.sandbox.ExecutionResult;
import forklab.sandbox.Sandbox;
import forklab.sandbox.SandboxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the runner JVM for one exercise in a sandbox and decodes what it reports. */
public final class CheckRun {
  /** The runner's main class. */
  public static final String RUNNER_MAIN = "forklab.runner.SandboxRunner";

  /** The only environment the runner JVM gets. */
  static final Map<String, String> ENVIRONMENT = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "C.UTF-8");

  private final List<Path> runnerClasspath;

  /** @param runnerClasspath the runner's classes and libraries (see {@code RunnerLibrary}) */
  public CheckRun(List<Path> runnerClasspath) {
    this.runnerClasspath = List.copyOf(runnerClasspath);
  }

  /**
   * Runs the checks found in {@code checkRoots} with {@code studentClasses} on the classpath.
   *
   * @param mode {@code plan} to list the checks, {@code run} to run them
   */
  public RunOutcome run(
      Sandbox sandbox, String label, String mode, List<Path> checkRoots, List<Path> studentClasses, long seed,
      Limits limits, List<String> jvmOptions)
      throws SandboxException, InterruptedException {
    String key = Frames.newKey();
    // Checks come before the submission, so a student class can never shadow a check or a library.
    List<Path> classpath = new ArrayList<>(runnerClasspath);
    List<Integer> rootPositions = new ArrayList<>();
    for (Path root : checkRoots) {
      rootPositions.add(classpath.size());
      classpath.add(root);
    }
    classpath.addAll(studentClasses);
    RunnerConfig config = new RunnerConfig(
        key, mode, rootPositions, seed, limits.testTimeoutSeconds(), limits.outputKib() * 1024,
        sandbox.copiesClasspath());
    Execution execution = new Execution(label, classpath, RUNNER_MAIN, jvmOptions, config.toText(), limits, ENVIRONMENT);
    FrameDecoder decoder = new FrameDecoder(key);
    ExecutionResult result = sandbox.execute(execution, decoder);
    return decoder.outcome(result);
  }
}
