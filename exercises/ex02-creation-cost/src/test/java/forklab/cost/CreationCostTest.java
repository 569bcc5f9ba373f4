package forklab.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Public tests: quick ones you can run yourself. The grader's hidden checks go further. */
class CreationCostTest {

  @Test
  @DisplayName("threadNanos gives a mean of more than a microsecond per thread")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void threadNanosIsAPlausibleTime() {
    double nanos = CreationCost.threadNanos(20);

    assertThat(nanos).isFinite().isGreaterThan(1_000);
  }

  @Test
  @DisplayName("processNanos gives a mean of more than ten microseconds per process")
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void processNanosIsAPlausibleTime() {
    double nanos = CreationCost.processNanos(5);

    assertThat(nanos).isFinite().isGreaterThan(10_000);
  }

  @Test
  @DisplayName("threadPerTask runs each of 1,000 tasks exactly once")
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void threadPerTaskRunsEveryTaskOnce() {
    AtomicIntegerArray runs = new AtomicIntegerArray(1_000);

    Duration took = CreationCost.threadPerTask(tasks(runs));

    assertThat(took).isNotNull().isPositive();
    assertThat(runs.toString()).isEqualTo(ones(runs.length()));
  }

  @Test
  @DisplayName("pooled runs each of 1,000 tasks exactly once on a pool of 4 threads")
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void pooledRunsEveryTaskOnce() {
    AtomicIntegerArray runs = new AtomicIntegerArray(1_000);

    Duration took = CreationCost.pooled(tasks(runs), 4);

    assertThat(took).isNotNull().isPositive();
    assertThat(runs.toString()).isEqualTo(ones(runs.length()));
  }

  /** One task per slot of {@code runs}, each adding 1 to its own slot. */
  private static List<Runnable> tasks(AtomicIntegerArray runs) {
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < runs.length(); i++) {
      int slot = i;
      tasks.add(() -> runs.incrementAndGet(slot));
    }
    return tasks;
  }

  private static String ones(int n) {
    AtomicIntegerArray ones = new AtomicIntegerArray(n);
    for (int i = 0; i < n; i++) {
      ones.set(i, 1);
    }
    return ones.toString();
  }
}
