package forklab.checks.cost;

import static forklab.checks.cost.GraderCreation.micros;
import static forklab.checks.cost.GraderCreation.millis;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measurement;
import forklab.api.watch.Descendants;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * What threadNanos and processNanos really do, whatever they return: the JVM's count of started
 * platform threads, and (on Linux) the process ids the machine gave out during the call, less those
 * of the threads.
 */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class CreationChecks {
  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "threadNanos starts a new platform thread for every sample")
  void threadNanosStartsAThreadPerSample(Random random, TestReporter reporter) {
    for (int samples : new int[] {1, 20 + random.nextInt(41)}) {
      Creations.Call call = Creations.threadNanos(samples);
      if (samples > 1) { // one measurement per check: the larger call
        Measurement.of(call.threads(), "threads")
            .atLeast(samples)
            .detail("call", call.call())
            .detail("returned", micros(call.figure()))
            .detail("call took", millis(call.wallNanos()))
            .publish(reporter);
      }
      Creations.requireATime(call);
      Creations.requireThreads(call);
      Creations.requireWithinTheCall(call);
    }
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "processNanos starts a child process for every sample and waits for each")
  void processNanosStartsAProcessPerSample(Random random, TestReporter reporter)
      throws InterruptedException {
    for (int samples : new int[] {1, 8 + random.nextInt(8)}) {
      Set<Long> before = Descendants.alive();
      Creations.Call call = Creations.processNanos(samples, true);
      Set<Long> alive = Descendants.aliveExcept(before);
      if (samples > 1) {
        Measurement.of(call.processes().orElse(call.childrenSeen().size()), "processes")
            .atLeast(call.processes().isPresent() ? samples : 1)
            .detail("call", call.call())
            .detail(
                "counted by",
                call.processes().isPresent()
                    ? "process ids given out, less those of new threads"
                    : "children seen alive, looking every millisecond")
            .detail("children seen alive", call.childrenSeen().size())
            .detail("returned", micros(call.figure()))
            .detail("call took", millis(call.wallNanos()))
            .publish(reporter);
      }
      Creations.requireATime(call);
      Creations.requireProcesses(call);
      Feedback.of(call.call() + " must wait for each child before it returns")
          .measured("still running right after the call returned: " + alive)
          .required("no child process of this JVM alive")
          .tryNext(
              "call waitFor() on every Process you start, inside the timed part of the sample:"
                  + " a process has not cost its whole cost until it has ended")
          .failUnless(alive.isEmpty());
      Creations.requireWithinTheCall(call);
    }
  }
}
