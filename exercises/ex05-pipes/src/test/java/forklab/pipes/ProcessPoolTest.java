package forklab.pipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The public tests of ex05-pipes. Each one that passes earns a point; the hidden checks then judge
 * the same goals more thoroughly (random batches, killed workers, CPU times, speedup, architecture).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessPoolTest {
  private ProcessPool pool;

  @AfterEach
  void closePool() {
    if (pool != null) {
      pool.close();
    }
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  @DisplayName("two workers count the primes below each n, answers in input order")
  void answersInOrder() throws Exception {
    pool = new ProcessPool(2);

    assertThat(pool.map(List.of("100000", "10", " 1000 ", "0", "2", "3")))
        .containsExactly("9592", "4", "168", "0", "0", "1");
  }

  @Test
  @Tag("isolation")
  @DisplayName("workerPids lists one live child process per worker, none of them this JVM")
  void workersAreChildProcesses() throws Exception {
    pool = new ProcessPool(3);

    List<Long> pids = pool.workerPids();

    assertThat(pids).hasSize(3).doesNotHaveDuplicates();
    assertThat(pids).doesNotContain(ProcessHandle.current().pid());
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid)).isPresent();
      assertThat(ProcessHandle.of(pid).get().parent().map(ProcessHandle::pid))
          .contains(ProcessHandle.current().pid());
    }
  }

  @Test
  @DisplayName("a malformed line throws IllegalArgumentException naming its index")
  void malformedLine() throws Exception {
    pool = new ProcessPool(1);

    assertThatThrownBy(() -> pool.map(List.of("10", "20", "-5", "30")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2")
        .hasMessageContaining("-5");
  }

  @Test
  @DisplayName("close leaves no worker running, and map afterwards throws IllegalStateException")
  void closeEndsEverything() throws Exception {
    pool = new ProcessPool(2);
    pool.map(List.of("1000"));

    pool.close();

    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    assertThatThrownBy(() -> pool.map(List.of("10"))).isInstanceOf(IllegalStateException.class);
  }
}
