package forklab.workers;

import java.util.List;

/**
 * What one child process of {@link Workers#inProcesses} did.
 *
 * @param index the worker's index, 0 to n - 1
 * @param pid the child's process id, as the operating system knows it
 * @param exitCode the child's exit code (0 when it ended normally)
 * @param output every line the child printed, in order
 */
public record WorkerReport(int index, long pid, int exitCode, List<String> output) {
  public WorkerReport {
    output = List.copyOf(output);
  }
}
