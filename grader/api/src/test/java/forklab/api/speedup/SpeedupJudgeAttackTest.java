package forklab.api.speedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Plays the attacks of issue #7 against the real judge, on work in miniature: an input is an amount
 * of spinning, the baseline spins it on the grader's thread, and the "student" spins it as it
 * likes. Timings on a shared machine are noisy, so a cheat is asserted never to PASS and the honest
 * candidate never to FAIL; no exact verdict is asserted.
 */
@Tag("slow")
@Tag("timing")
class SpeedupJudgeAttackTest {
  private static final int THREADS = 2;

  /** About 50 ms of spinning on one core: a round then takes about 250 ms. */
  private static final long WORK = 20_000_000L;

  private static volatile long sink;

  private final Map<String, String> details = new HashMap<>();
  private Saboteur saboteur;
  private Thread leftOver;

  @BeforeEach
  void needsTwoCpus() {
    assumeTrue(
        Runtime.getRuntime().availableProcessors() >= THREADS, "the attacks need two CPUs to show");
  }

  @AfterEach
  void stopTheStudentsThreads() throws InterruptedException {
    SpinKernel.listener = new SpinKernel.Listener() {};
    if (saboteur != null) {
      saboteur.close();
    }
    if (leftOver != null) {
      leftOver.interrupt();
      leftOver.join();
    }
  }

  @Test
  void aFastSequentialPathWithASlowOneThreadControlNeverPasses(TestInfo test)
      throws InterruptedException {
    // threads > 1: a cheaper algorithm on the calling thread; threads == 1: the slow one.
    SpeedupJudge.Result result =
        judge(
            n -> {
              spin(n / 4);
              return n;
            },
            SpeedupJudgeAttackTest::spin,
            test);

    assertThat(result.verdict()).isNotEqualTo(Verdict.PASS);
    assertThat(result.feedback()).contains("CPU busy");
  }

  @Test
  void aThreadLeftSpinningThroughTheWholeJudgeIsNamedAndNeverPasses(TestInfo test)
      throws InterruptedException {
    SpeedupJudge.Result result =
        judge(
            n -> {
              startLeftOverOnce();
              return parallel(n, 0.5);
            },
            SpeedupJudgeAttackTest::spin,
            test);

    assertThat(result.verdict()).isNotEqualTo(Verdict.PASS);
    assertThat(result.feedback()).contains("worker-1");
  }

  @Test
  void aSaboteurOfTheKernelDoesNotLowerTheBarForASequentialCandidate(TestInfo test)
      throws InterruptedException {
    saboteur = new Saboteur(1.0);

    SpeedupJudge.Result result =
        judge(SpeedupJudgeAttackTest::spin, SpeedupJudgeAttackTest::spin, test);

    assertThat(result.verdict()).isNotEqualTo(Verdict.PASS);
    assertThat(details).containsKey("forklab.detail.discarded rounds");
    assertThat(Integer.parseInt(details.get("forklab.detail.discarded rounds"))).isPositive();
    assertThat(result.feedback()).contains("prime-helper");
  }

  @Test
  void aSaboteurOfTheKernelDoesNotLiftAnUnbalancedCandidateToAPass(TestInfo test)
      throws InterruptedException {
    // Spinning through 30 % of each kernel run lowers the limit by about a fifth: from about 1.85
    // to about 1.45, just above the 1.35 below which nothing is judged.
    saboteur = new Saboteur(0.3);

    // 65 % of the work on one thread: about 1.5x, short of the 0.85 of about 1.85 required, but
    // not of 0.85 of the lowered limit.
    SpeedupJudge.Result result = judge(n -> parallel(n, 0.65), SpeedupJudgeAttackTest::spin, test);

    assertThat(result.verdict()).isNotEqualTo(Verdict.PASS);
  }

  @Test
  void anHonestParallelCandidateIsNeverFailed(TestInfo test) throws InterruptedException {
    SpeedupJudge.Result result = judge(n -> parallel(n, 0.5), SpeedupJudgeAttackTest::spin, test);

    assertThat(result.verdict()).isNotEqualTo(Verdict.FAIL);
  }

  /** The judge on the student's code at two threads, with its one-thread path as the control. */
  private SpeedupJudge.Result judge(Student parallel, Student oneThread, TestInfo test)
      throws InterruptedException {
    SpeedupJudge.Result result =
        SpeedupJudge.<Long, Long>builder()
            .threads(THREADS)
            .goal(0.85)
            .rounds(5)
            .random(new Random(7))
            .inputs(random -> WORK + random.nextInt(1_000))
            .baseline(SpeedupJudgeAttackTest::spin)
            .candidate(parallel::count)
            .control(oneThread::count)
            .judge();
    result.publish(details::putAll);
    // Surefire keeps this in the test's output file: the verdicts of a run, for the record.
    System.out.println(
        test.getDisplayName()
            + " -> "
            + result.verdict()
            + System.lineSeparator()
            + result.feedback());
    return result;
  }

  /** The student's count of {@code n} at a given thread count: always {@code n}, however fast. */
  @FunctionalInterface
  private interface Student {
    long count(long n);
  }

  /** Spins {@code n} steps (a loop the JIT cannot fold, unlike an LCG); the answer is {@code n}. */
  static long spin(long n) {
    sink += SpinKernel.spin(n);
    return n;
  }

  /** Two threads; the first takes {@code share} of the work, the second the rest. */
  private static long parallel(long n, double share) {
    long first = (long) (n * share);
    Thread helper = Thread.ofPlatform().name("student-worker").start(() -> spin(n - first));
    spin(first);
    try {
      helper.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return n;
  }

  /** A thread the student forgot: started by the first call, it spins until the test ends. */
  private synchronized void startLeftOverOnce() {
    if (leftOver == null) {
      leftOver =
          Thread.ofPlatform()
              .daemon()
              .name("worker-1")
              .start(
                  () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                      spin(100_000);
                    }
                  });
    }
  }

  /**
   * A student thread that detects the kernel on several threads perfectly (through the kernel's
   * test hook) and spins through the first {@code share} of each of its runs, as long as the last
   * run lasted.
   */
  private static final class Saboteur implements SpinKernel.Listener, AutoCloseable {
    private final double share;
    private final Thread thread;
    private volatile boolean kernelRunning;
    private volatile long startedAt;
    private volatile long lastRun = Long.MAX_VALUE;
    private volatile boolean closed;

    Saboteur(double share) {
      this.share = share;
      thread = Thread.ofPlatform().daemon().name("prime-helper").start(this::lurk);
      SpinKernel.listener = this;
    }

    private void lurk() {
      while (!closed) {
        if (kernelRunning && System.nanoTime() - startedAt < share * lastRun) {
          spin(20_000);
        } else {
          LockSupport.park(this);
        }
      }
    }

    @Override
    public void started() {
      startedAt = System.nanoTime();
      kernelRunning = true;
      LockSupport.unpark(thread);
    }

    @Override
    public void ended() {
      kernelRunning = false;
      lastRun = System.nanoTime() - startedAt;
    }

    @Override
    public void close() throws InterruptedException {
      closed = true;
      LockSupport.unpark(thread);
      thread.join();
    }
  }
}
