package forklab.pipes;

import java.io.IOException;
import java.util.List;

/**
 * A pool of worker processes fed over pipes: each worker is a child JVM running {@link
 * PipeWorker}; an input goes to a worker as a line on its stdin, and its answer comes back as a
 * line on its stdout. See the exercise's README.md.
 */
public final class ProcessPool implements AutoCloseable {

  /** Starts {@code workers} child JVMs running {@code forklab.pipes.PipeWorker}. */
  public ProcessPool(int workers) throws IOException {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Answers each input (a decimal n) with the decimal count of primes below n, computed in a
   * worker; the answers in input order. A malformed line throws {@link IllegalArgumentException}
   * naming its index and text before any work is sent. A worker that dies meanwhile is replaced and
   * its input sent again. After {@link #close()}, throws {@link IllegalStateException}.
   */
  public List<String> map(List<String> inputs) throws IOException, InterruptedException {
    throw new UnsupportedOperationException("TODO");
  }

  /** The pids of the live workers. */
  public List<Long> workerPids() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Ends every worker and waits for it: when it returns, none is left. A second call does nothing. */
  @Override
  public void close() {
    throw new UnsupportedOperationException("TODO");
  }
}
