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

  /**
   * Whether each execution gets its own copy of the class path, which the code it runs may delete
   * (a container does; the local sandbox runs from the grader's own files).
   */
  default boolean copiesClasspath() {
    return false;
  }

  /** Releases what the sandbox holds; harmless to call twice. */
  @Override
  default void close() {}
}
