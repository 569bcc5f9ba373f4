package forklab.checks.shm;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.watch.Descendants;
import forklab.shm.SharedCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Nothing of incrementWithProcesses outlives the call: no other file, no child process. */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class LeftoverChecks {
  private static final String BYSTANDER = "notes.txt";

  private Path folder;

  @AfterEach
  void cleanUp() {
    Descendants.killAll();
    Scratch.delete(folder);
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name = "incrementWithProcesses leaves no file behind but the counter's own")
  void noOtherFile(Random random) throws Exception {
    folder = Scratch.folder();
    String notes = "the caller's own file, " + random.nextLong();
    Files.writeString(folder.resolve(BYSTANDER), notes);
    List<String> problems = new ArrayList<>();
    for (boolean exists : new boolean[] {false, true}) {
      Path file = folder.resolve(Scratch.COUNTER);
      if (exists) {
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      } else {
        Files.deleteIfExists(file);
      }
      int processes = 2 + random.nextInt(2);
      int each = 100 + random.nextInt(1_000);
      String call =
          "incrementWithProcesses(file, "
              + processes
              + ", "
              + each
              + ") with "
              + (exists ? "the file present" : "no file yet");
      // The total is the other checks' business: this one looks at the folder.
      try {
        SharedCounter.incrementWithProcesses(file, processes, each);
      } catch (RuntimeException | IOException e) {
        Scratch.rethrowTodo(e);
        problems.add(call + " threw " + Scratch.describe(e));
        continue;
      }
      Set<String> extra = Scratch.names(folder);
      extra.remove(Scratch.COUNTER);
      extra.remove(BYSTANDER);
      if (!extra.isEmpty()) {
        problems.add("after " + call + " the folder also holds " + extra);
      }
      if (!Files.exists(folder.resolve(BYSTANDER))
          || !Files.readString(folder.resolve(BYSTANDER), StandardCharsets.UTF_8).equals(notes)) {
        problems.add(
            "after " + call + " the caller's other file " + BYSTANDER + " was changed or removed");
      }
    }
    Feedback.of(
            "incrementWithProcesses may use only the file it was given: the caller deletes that"
                + " one, and nothing else")
        .measured(problems.isEmpty() ? "nothing left" : Scratch.shorten(problems, 3))
        .required(
            "after each call the folder holds "
                + Scratch.COUNTER
                + " and the caller's "
                + BYSTANDER
                + " (untouched), nothing else")
        .tryNext(
            "keep the count and the lock in the given file itself (lock a region of it with"
                + " FileChannel.lock); if you must make a helper file, delete it in a finally"
                + " block before you return")
        .failUnless(problems.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name = "no child process is alive once incrementWithProcesses has returned")
  void noChildLeft(Random random) throws Exception {
    folder = Scratch.folder();
    Path file = folder.resolve(Scratch.COUNTER);
    Set<Long> before = Descendants.alive();
    List<String> calls = new ArrayList<>();
    Set<Long> alive = new TreeSet<>();
    int done = 0;
    for (int call = 0; call < 3 && alive.isEmpty(); call++) {
      int processes = 2 + random.nextInt(2);
      int each = 1_000 + random.nextInt(5_000);
      long got = SharedCounter.incrementWithProcesses(file, processes, each);
      // Right at the return: a child that has been waited for is gone by then.
      alive.addAll(Descendants.aliveExcept(before));
      done++;
      calls.add(
          "incrementWithProcesses(file, "
              + processes
              + ", "
              + each
              + ") = "
              + Scratch.number(got)
              + (alive.isEmpty() ? "" : ", then alive: " + alive));
    }
    Feedback.of("once incrementWithProcesses has returned, none of its children may still run")
        .measured(
            alive.isEmpty()
                ? "no child alive after " + done + " calls"
                : "child process(es) "
                    + alive
                    + " still alive right after call "
                    + done
                    + " returned ("
                    + String.join("; ", calls)
                    + ")")
        .required("no descendant process of this JVM alive when the call returns")
        .tryNext(
            "wait for every child with Process.waitFor() before you read the count and return,"
                + " and destroyForcibly() every child you started if anything goes wrong (in a"
                + " finally block)")
        .failUnless(alive.isEmpty());
  }
}
