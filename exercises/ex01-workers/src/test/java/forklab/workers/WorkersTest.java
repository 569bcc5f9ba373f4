package forklab.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The public tests of ex01-workers. Each one that passes earns a point; the hidden checks then judge
 * the same goals more thoroughly (random inputs, timing against a baseline, orphans, architecture).
 */
class WorkersTest {

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DisplayName("inThreads returns the results in index order, not in the order the workers finish")
  void inThreadsReturnsResultsInIndexOrder() throws Exception {
    // Worker 0 sleeps longest, so it finishes last.
    List<String> results =
        Workers.inThreads(
            4,
            i -> {
              sleep(40L * (4 - i));
              return "result " + i;
            });

    assertThat(results).containsExactly("result 0", "result 1", "result 2", "result 3");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DisplayName("a worker's exception comes out of inThreads as an ExecutionException with that cause")
  void inThreadsPropagatesAWorkerException() {
    IllegalStateException boom = new IllegalStateException("worker 2 failed");

    assertThatThrownBy(
            () ->
                Workers.inThreads(
                    4,
                    i -> {
                      if (i == 2) {
                        throw boom;
                      }
                      return i;
                    }))
        .isInstanceOf(ExecutionException.class)
        .hasCause(boom);
  }

  @Test
  @Tag("concurrency")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DisplayName("five threads sleeping 300 ms run side by side: well under 5 x 300 ms")
  void inThreadsRunsTheWorkersSideBySide() throws Exception {
    long start = System.nanoTime();
    List<Integer> results =
        Workers.inThreads(
            5,
            i -> {
              sleep(300);
              return i;
            });
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(results).containsExactly(0, 1, 2, 3, 4);
    assertThat(millis)
        .as("five workers sleeping 300 ms each took %d ms; start every thread before joining any", millis)
        .isLessThan(1_000);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  @DisplayName("inProcesses(2, 50 ms) returns two reports in index order, exit code 0 and the worker lines")
  void inProcessesReportsEveryChild() throws Exception {
    List<WorkerReport> reports = Workers.inProcesses(2, Duration.ofMillis(50));

    assertThat(reports).hasSize(2);
    for (int i = 0; i < 2; i++) {
      WorkerReport report = reports.get(i);
      assertThat(report.index()).isEqualTo(i);
      assertThat(report.exitCode()).as("exit code of child %d, output %s", i, report.output()).isZero();
      assertThat(report.pid()).isPositive().isNotEqualTo(ProcessHandle.current().pid());
      // The JVM may add notes of its own (on stderr); only the worker's lines are compared.
      assertThat(workerLines(report.output()))
          .containsExactly("Worker " + i + " started", "Worker " + i + " finished counter=1");
    }
    assertThat(reports.get(0).pid()).isNotEqualTo(reports.get(1).pid());
  }

  private static List<String> workerLines(List<String> output) {
    return output.stream().filter(line -> line.startsWith("Worker ")).toList();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
