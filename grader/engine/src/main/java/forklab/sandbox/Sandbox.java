package forklab.sandbox;

import java.util.function.Consumer;

/**
 * Runs untrusted JVMs. Every process an execution starts is gone when {@link #execute} returns,
 * whether it ended, timed out or the grader was interrupted.
 */
public interface Sandbox extends AutoCloseable {

  /** {@code local} or {@code docker}, as reports name it. */
  String name();

  /**
   * Runs {@code execution} to its end or its time limit, passing each line of its standard output
   * (capped at {@link Execution#MAX_LINE_CHARS}) to {@code stdoutLines}.
   *
   * @throws SandboxException when the sandbox itself failed; never for what the code did
   */
  ExecutionResult execute(Execution execution, Consumer<String> stdoutLines)
      throws SandboxException, InterruptedException;

  /** How well the code it runs is kept from the grader and the machine. */
  Isolation isolation();

  /**
   * Whether its JVMs can be hardened: the hardening module on the module path with native access,
   * native access denied to everything else ({@code --illegal-native-access=deny}, Java 24+).
   */
  boolean hardensJvm();

  /** Releases what the sandbox holds; harmless to call twice. */
  @Override
  default void close() {}
}
