package forklab.workers;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;

/** The five workers, side by side: as threads of this JVM and as child JVMs. */
public final class Workers {
  private Workers() {}

  /**
   * Runs {@code worker.apply(i)} for i = 0..n-1, each on its own new platform thread, all started
   * before any is joined. Returns the results in index order. Propagates the first worker exception
   * as an {@link ExecutionException} whose cause is the worker's exception.
   */
  public static <T> List<T> inThreads(int n, IntFunction<T> worker)
      throws InterruptedException, ExecutionException {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts n child JVMs at once, child i running {@code forklab.workers.WorkerMain} with the
   * arguments {@code i} and {@code sleep.toMillis()}. Waits for all; returns one report per child
   * in index order. No child outlives the call.
   */
  public static List<WorkerReport> inProcesses(int n, Duration sleep)
      throws IOException, InterruptedException {
    throw new UnsupportedOperationException("TODO");
  }
}
