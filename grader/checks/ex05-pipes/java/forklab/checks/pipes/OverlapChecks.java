package forklab.checks.pipes;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measured;
import forklab.api.Measurement;
import forklab.api.watch.Descendants;
import forklab.pipes.ProcessPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The workers compute at the same time. While a large map runs, the grader reads every few
 * milliseconds the scheduler state of each worker's threads from /proc: a worker that computes has
 * a thread running or waiting for a CPU ('R'); one that waits for its next input sleeps in a read
 * of its stdin ('S').
 * A pool that feeds one worker at a time never has them all in 'R' at once. The state does not
 * depend on how busy the machine is: a worker that the scheduler keeps waiting for a CPU is still
 * 'R'. So this goal is judged everywhere, unlike the timed speedup.
 */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class OverlapChecks {
  /** At least this share of the samples must see every worker running at once. */
  static final double SHARE = 0.3;

  private static final long SAMPLE_MILLIS = 2;



  private ProcessPool pool;
  private Thread mapping;

  @AfterEach
  void cleanUp() {
    Pools.closeQuietly(pool);
    Descendants.killAll();
    if (mapping != null) {
      mapping.interrupt();
    }
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 2,
      name =
          "the workers compute at the same time: during a large map, all of them are seen running"
              + " at once")
  void workersRunAtOnce(Random random, TestReporter reporter) throws Exception {
    if (!Files.isReadable(Path.of("/proc/self/stat"))) {
      Measured.notJudgedHere("this system has no /proc to read the workers' states from");
    }
    int workers = 2;
    pool = Pools.open(workers);
    List<String> warm = Pools.inputs(random, 8, 20_000, 30_000);
    Pools.map(pool, warm, Duration.ofSeconds(30), "map(" + Pools.show(warm) + ")", "");
    List<Long> pids = pool.workerPids();
    // About 1.5 s of counting on one CPU, in 24 inputs.
    List<String> batch = Pools.inputs(random, 24, 280_000, 320_000);
    List<String> expected = GraderPrimes.answers(batch);

    FutureTask<List<String>> call = new FutureTask<>(() -> pool.map(batch));
    mapping = Thread.ofPlatform().daemon().name("forklab-pool-call").start(call);
    int samples = 0;
    int allRunning = 0;
    int someRunning = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!call.isDone() && System.nanoTime() < deadline) {
      int running = 0;
      for (long pid : pids) {
        if (running(pid)) {
          running++;
        }
      }
      samples++;
      if (running == pids.size()) {
        allRunning++;
      }
      if (running > 0) {
        someRunning++;
      }
      Thread.sleep(SAMPLE_MILLIS);
    }
    List<String> got = Pools.within(Duration.ofSeconds(5), "map(" + Pools.show(batch) + ")", "", call::get);
    List<String> wrong = Pools.differences(batch, got, expected);
    Feedback.of("map gave wrong answers while the workers were watched")
        .measured(Pools.shorten(wrong, 3))
        .required("right answers, in order")
        .tryNext("make the correctness checks pass first")
        .failUnless(wrong.isEmpty());

    double share = samples == 0 ? 0 : (double) allRunning / samples;
    Measurement.of(share, "share")
        .atLeast(SHARE)
        .detail("samples", samples)
        .detail("all workers running", allRunning)
        .detail("at least one running", someRunning)
        .detail("workers", pids.toString())
        .publish(reporter);
    Feedback.of(
            "the pool's "
                + workers
                + " workers must compute at the same time, each on an input of its own")
        .measured(
            String.format(
                Locale.ROOT,
                "during map(%d inputs near 300,000), %d samples of the workers' states every %d ms:"
                    + " all %d running at once in %d (%.0f %%), at least one running in %d",
                batch.size(),
                samples,
                SAMPLE_MILLIS,
                pids.size(),
                allRunning,
                100 * share,
                someRunning))
        .required(
            String.format(
                Locale.ROOT, "all workers running at once in at least %.0f %% of the samples", 100 * SHARE))
        .tryNext(
            "give every worker an input before you wait for any answer: one thread per worker"
                + " that sends its worker the next input and reads the answer, all started before"
                + " you join any; a loop that writes one input and reads its answer before the"
                + " next keeps one worker busy while the others sleep")
        .failUnless(share >= SHARE);
  }

  /**
   * Whether any thread of process {@code pid} is running or waiting for a CPU ('R'). A JVM runs
   * main on a thread of its own, not on the process's first thread, so every thread is read.
   */
  private static boolean running(long pid) {
    try (Stream<Path> threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
      return threads.anyMatch(thread -> state(thread.resolve("stat")) == 'R');
    } catch (IOException | RuntimeException gone) {
      return false;
    }
  }

  /** The state in a /proc stat file ('R', 'S', 'D', ...), or '?' when it cannot be read. */
  private static char state(Path stat) {
    try {
      String text = Files.readString(stat);
      int end = text.lastIndexOf(')');
      return end >= 0 && end + 2 < text.length() ? text.charAt(end + 2) : '?';
    } catch (IOException | RuntimeException gone) {
      return '?';
    }
  }
}
