package forklab.checks.cost;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.cost.CreationCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * pooled shuts its pool down before it returns. The tasks note the threads they ran on; once pooled
 * has returned, each of them must end within a short grace (a terminated pool's threads are
 * finishing their last steps at most), and a pool never shut down keeps them waiting for work.
 */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class PoolLifecycleChecks {
  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 2,
      name = "no thread of the pool is alive once pooled has returned")
  @Gated(PooledWorks.class)
  void noPoolThreadOutlivesTheCall(Random random) throws InterruptedException {
    List<String> calls = new ArrayList<>();
    List<String> alive = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Tasks tasks = new Tasks(100 + random.nextInt(200));
      int poolSize = 2 + random.nextInt(3);
      CreationCost.pooled(tasks.list(), poolSize);
      String call = "pooled(" + tasks.size() + " tasks, " + poolSize + ")";
      calls.add(call);
      for (String thread : TaskChecks.stillAlive(tasks.threads())) {
        alive.add(thread + " of " + call);
      }
    }
    Feedback.of("threads of the pool were still alive after pooled had returned")
        .measured(alive.size() + " thread(s) alive 1 s after the calls: " + TaskChecks.first(alive))
        .required("no thread of the pool alive once pooled has returned (calls: " + calls + ")")
        .tryNext(
            "once every task has finished, call pool.shutdown() and then"
                + " pool.awaitTermination(...) before you return (try-with-resources on the"
                + " ExecutorService does both); a pool that is never shut down keeps its threads"
                + " waiting for more work for as long as the program runs")
        .failUnless(alive.isEmpty());
  }
}
