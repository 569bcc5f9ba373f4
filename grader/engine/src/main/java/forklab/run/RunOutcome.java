package forklab.run;

import forklab.protocol.RunnerEvent.CheckFinished;
import forklab.protocol.RunnerEvent.Crash;
import forklab.protocol.RunnerEvent.Exhausted;
import forklab.protocol.RunnerEvent.Plan;
import forklab.sandbox.ExecutionResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one runner JVM reported, and how it ended.
 *
 * @param reachedRunner true once a genuine frame arrived: before that, a failure is
 *     infrastructure's
 * @param finished the finished checks by id
 * @param running the id of a check that started and never finished (the JVM died or timed out in
 *     it)
 * @param plan the checks the runner listed, in plan mode
 * @param crash the runner's own failure (a bug or broken installation), if it reported one
 * @param exhausted how the submission used up the JVM (heap, stack, threads), if the runner saw it
 * @param completed whether the runner reported that it got to its end
 * @param forgedLines how many lines looked like frames but were not genuine (imitations, or broken
 *     frames)
 * @param loss the runner's frames that did not arrive intact
 * @param strayOutput output that bypassed the runner's capture (capped)
 * @param execution how the JVM ended
 */
public record RunOutcome(
    boolean reachedRunner,
    Map<String, CheckFinished> finished,
    Optional<String> running,
    Optional<Plan> plan,
    Optional<Crash> crash,
    Optional<Exhausted> exhausted,
    boolean completed,
    int forgedLines,
    FrameLoss loss,
    String strayOutput,
    ExecutionResult execution) {

  public RunOutcome {
    finished = Map.copyOf(finished);
  }

  public List<String> finishedIds() {
    return List.copyOf(finished.keySet());
  }
}
