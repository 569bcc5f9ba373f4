package forklab.supervisor;

import java.time.Duration;

/**
 * What became of one task. Given: do not change it.
 *
 * @param task the task class's name, {@code Class.getName()}
 * @param status how its child JVM ended
 * @param output for {@link Status#OK} the task's return value; for {@link Status#FAILED} the thrown
 *     exception's {@code toString()} (class name and message); for every other status empty
 * @param exitCode the child JVM's exit code (0 for OK and FAILED), or -1 where the supervisor killed
 *     it
 * @param elapsed from the start of the task's child JVM to its end (or its kill)
 */
public record Outcome(String task, Status status, String output, int exitCode, Duration elapsed) {}
