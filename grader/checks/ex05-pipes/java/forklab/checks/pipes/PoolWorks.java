package forklab.checks.pipes;

import forklab.api.Gate;
import forklab.pipes.ProcessPool;
import java.time.Duration;
import java.util.List;

/**
 * The gate of the speedup goal: a pool of two workers already gives right answers, in order, on a
 * few small inputs. A speedup only counts for code that works.
 */
final class PoolWorks implements Gate {
  @Override
  public String method() {
    return "ProcessPool.map";
  }

  @Override
  public void check() throws Exception {
    List<String> inputs = List.of("10", "1000", "20000", " 7 ", "0");
    List<String> expected = List.of("4", "168", "2262", "3", "0");
    ProcessPool pool = null;
    try {
      pool = new ProcessPool(2);
      List<String> got = Pools.map(pool, inputs, Duration.ofSeconds(30), "map", "");
      if (!expected.equals(got)) {
        throw new AssertionError(
            "new ProcessPool(2).map("
                + Pools.show(inputs)
                + ") = "
                + Pools.show(got)
                + " instead of "
                + Pools.show(expected));
      }
    } catch (UnsupportedOperationException todo) {
      throw todo; // the gate words a TODO itself
    } catch (RuntimeException e) {
      throw new AssertionError("new ProcessPool(2).map(...) threw " + Pools.describe(e));
    } finally {
      Pools.closeQuietly(pool);
    }
  }
}
