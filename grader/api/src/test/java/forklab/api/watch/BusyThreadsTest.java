package forklab.api.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BusyThreadsTest {
  private static volatile long sink;

  @Test
  void aCallIsWatchedAndItsResultHandedBack() {
    BusyThreads.Watched<String> watched =
        BusyThreads.watch(
            2,
            () -> {
              Thread worker = Thread.ofPlatform().start(() -> spin(100));
              spin(100);
              join(worker);
              return "done";
            });

    assertThat(watched.result()).isEqualTo("done");
    assertThat(watched.samples()).isPositive();
    assertThat(watched.millis()).isGreaterThanOrEqualTo(90);
    assertThat(watched.busyShare()).isBetween(0.0, 1.0);
    assertThat(watched.workSplit()).isBetween(0.0, 1.0);
  }

  @Test
  void oneSleepingThreadKeepsNoCpuBusy() {
    BusyThreads.Watched<Integer> watched =
        BusyThreads.watch(
            2,
            () -> {
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return 1;
            });

    assertThat(watched.busyShare()).isLessThan(0.3);
  }

  private static void spin(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    long x = 1;
    while (System.nanoTime() < end) {
      x = x * 6364136223846793005L + 1;
    }
    sink = x;
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
