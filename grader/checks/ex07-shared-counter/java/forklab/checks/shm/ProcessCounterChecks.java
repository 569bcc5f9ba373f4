package forklab.checks.shm;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.watch.Descendants;
import forklab.shm.SharedCounter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** {@link SharedCounter#incrementWithProcesses}: exact totals, from 0, and no lost update. */
@Checks
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ProcessCounterChecks {
  /** How much longer than the fastest call the last call must run before the check is sure. */
  static final long OVERLAP_MILLIS = 500;

  private Path folder;

  @AfterEach
  void cleanUp() {
    Descendants.killAll();
    Scratch.delete(folder);
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "incrementWithProcesses returns exactly processes x incrementsEach, for random counts")
  void exactForRandomCounts(Random random) throws Exception {
    folder = Scratch.folder();
    Path file = folder.resolve(Scratch.COUNTER);
    List<String> wrong = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    int[][] cases = {
      {1, 1 + random.nextInt(5_000)},
      {2 + random.nextInt(3), 1 + random.nextInt(10_000)},
      {2 + random.nextInt(2), 1 + random.nextInt(3)},
    };
    for (int[] c : cases) {
      String call = "incrementWithProcesses(file, " + c[0] + ", " + c[1] + ")";
      long expected = (long) c[0] * c[1];
      calls.add(call);
      try {
        long got = SharedCounter.incrementWithProcesses(file, c[0], c[1]);
        if (got != expected) {
          wrong.add(call + " = " + Scratch.number(got) + " instead of " + Scratch.number(expected));
        }
      } catch (RuntimeException | IOException e) {
        Scratch.rethrowTodo(e);
        wrong.add(call + " threw " + Scratch.describe(e));
      }
    }
    Feedback.of("incrementWithProcesses must return processes x incrementsEach")
        .measured(wrong.isEmpty() ? "every call exact" : Scratch.shorten(wrong, 3))
        .required("exact totals for " + String.join(", ", calls))
        .tryNext(
            "start `processes` children that each add 1 to the mapped long `incrementsEach` times"
                + " under the lock, wait for every one of them (Process.waitFor()), then read the"
                + " long once they have all exited")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name = "the count starts at 0 whatever the file held, and a missing file is created")
  void startsAtZero(Random random) throws Exception {
    folder = Scratch.folder();
    List<String> wrong = new ArrayList<>();
    List<String> tried = new ArrayList<>();
    byte[] junk = new byte[4_096];
    random.nextBytes(junk);
    junk[0] = (byte) (1 + random.nextInt(100)); // not 0 read either way round
    byte[] big =
        ByteBuffer.allocate(Long.BYTES).putLong(0, 1_000_000L + random.nextInt(1 << 20)).array();
    record Start(String what, byte[] bytes) {}
    List<Start> starts =
        List.of(
            new Start("no file", null),
            new Start("a file holding the long " + ByteBuffer.wrap(big).getLong(0), big),
            new Start("a file of 3 random bytes", Arrays.copyOf(junk, 3)),
            new Start("a file of 4,096 random bytes", junk));
    int n = 0;
    for (Start start : starts) {
      Path file = folder.resolve("counter-" + n++ + ".bin");
      if (start.bytes() != null) {
        Files.write(file, start.bytes());
      }
      int processes = 1 + random.nextInt(2);
      int each = 100 + random.nextInt(2_000);
      long expected = (long) processes * each;
      String call =
          "incrementWithProcesses(file, " + processes + ", " + each + ") on " + start.what();
      tried.add(start.what());
      try {
        long got = SharedCounter.incrementWithProcesses(file, processes, each);
        if (got != expected) {
          wrong.add(call + " = " + Scratch.number(got) + " instead of " + Scratch.number(expected));
        } else if (!Files.exists(file)) {
          wrong.add(call + " returned right, but the file is gone (the caller deletes it)");
        }
      } catch (RuntimeException | IOException e) {
        Scratch.rethrowTodo(e);
        wrong.add(call + " threw " + Scratch.describe(e));
      }
    }
    Feedback.of(
            "incrementWithProcesses must create a missing file and start counting at 0 whatever the"
                + " file held")
        .measured(wrong.isEmpty() ? "every call exact" : Scratch.shorten(wrong, 3))
        .required("processes x incrementsEach, starting from " + String.join(", ", tried))
        .tryNext(
            "open the file with CREATE, READ and WRITE, and set the count to 0 before any child"
                + " starts: truncate the file to 0 bytes and map 8 (the mapping grows it with"
                + " zeros), or putLong(0, 0) into the mapping")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 3,
      name = "no update is lost between child processes, however long they run side by side")
  void noLostUpdate(TestReporter reporter) throws Exception {
    folder = Scratch.folder();
    Path file = folder.resolve(Scratch.COUNTER);
    new Escalation("incrementWithProcesses(file, 2, %s)", 2, 10_000, OVERLAP_MILLIS, 9, 60_000)
        .run(
            each -> SharedCounter.incrementWithProcesses(file, 2, each),
            "two child processes lost updates: some increments overwrote each other",
            "in every child, take an exclusive lock (channel.lock(), or channel.lock(0, 8,"
                + " false): not a shared one) before reading the mapped long, and release it only"
                + " after writing it back; without it two children read the same value and both"
                + " write value + 1",
            reporter);
  }
}
