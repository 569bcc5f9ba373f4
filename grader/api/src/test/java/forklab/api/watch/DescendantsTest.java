package forklab.api.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starts {@code sleep} processes, not JVMs: fast. */
class DescendantsTest {
  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  void childrenAreSeenWatchedAndKilled() throws Exception {
    Set<Long> before = Descendants.alive();
    Process first;
    Process second;
    int peak;
    Set<Long> seen;
    try (Descendants.Watch watch = Descendants.Watch.start(Duration.ofMillis(10))) {
      first = new ProcessBuilder("sleep", "30").start();
      second = new ProcessBuilder("sleep", "30").start();
      Thread.sleep(200);
      peak = watch.peak();
      seen = watch.seen();
    }

    assertThat(Descendants.aliveExcept(before)).contains(first.pid(), second.pid());
    assertThat(seen).contains(first.pid(), second.pid());
    assertThat(peak).isGreaterThanOrEqualTo(2);

    Descendants.killAll();

    assertThat(Descendants.survivorsAfter(before, Duration.ofSeconds(2))).isEmpty();
    assertThat(first.isAlive() || second.isAlive()).isFalse();
  }
}
