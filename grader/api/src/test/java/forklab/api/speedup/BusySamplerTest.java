package forklab.api.speedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sampler counts the CPU time of this JVM's child processes only when asked: a candidate whose
 * work runs in worker processes keeps CPUs busy that this JVM's own clocks never see.
 */
@Tag("timing")
class BusySamplerTest {
  private Process spinner;

  @AfterEach
  void stopSpinner() throws InterruptedException {
    if (spinner != null) {
      spinner.destroyForcibly();
      spinner.waitFor();
    }
  }

  @Test
  void aBusyChildProcessCountsOnlyWhenDescendantsAreCounted()
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh to start a busy child");
    spinner = new ProcessBuilder("/bin/sh", "-c", "while :; do :; done").start();
    Thread.sleep(50);

    BusySampler withChildren = new BusySampler(true);
    Thread.sleep(400);
    withChildren.close();
    BusySampler withoutChildren = new BusySampler(false);
    Thread.sleep(400);
    withoutChildren.close();

    // The child spins while this thread sleeps: on a shared machine it gets a good part of a CPU,
    // which counts with descendants and not without.
    assertThat(withChildren.childrenCpu()).isGreaterThan(100_000_000L);
    assertThat(withChildren.cpuHigh()).isGreaterThan(withoutChildren.cpuHigh() + 0.2);
    assertThat(withoutChildren.childrenCpu()).isZero();
  }
}
