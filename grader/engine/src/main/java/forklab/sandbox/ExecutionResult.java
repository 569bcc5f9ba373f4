package forklab.sandbox;

import java.time.Duration;

/**
 * How an execution ended.
 *
 * @param exitCode the JVM's exit code (137 when killed)
 * @param timedOut true when it hit its time limit and was killed
 * @param outOfMemory true when the sandbox killed it for exceeding its memory limit
 * @param elapsed wall time
 * @param stderr the last part of its standard error
 */
public record ExecutionResult(int exitCode, boolean timedOut, boolean outOfMemory, Duration elapsed, String stderr) {}
