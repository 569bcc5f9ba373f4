package forklab.run;

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
 * @param payloads non-check frames by type (plan, crash)
 * @param forgedLines how many lines looked like frames but were not genuine (imitations, or broken
 *     frames)
 * @param loss the runner's frames that did not arrive intact
 * @param strayOutput output that bypassed the runner's capture (capped)
 * @param execution how the JVM ended
 */
public record RunOutcome(
    boolean reachedRunner,
    Map<String, CheckEvent> finished,
    Optional<String> running,
    Map<String, String> payloads,
    int forgedLines,
    FrameLoss loss,
    String strayOutput,
    ExecutionResult execution) {

  public RunOutcome {
    finished = Map.copyOf(finished);
    payloads = Map.copyOf(payloads);
  }

  /** The runner's own crash message (a bug or broken installation), if it reported one. */
  public Optional<String> crash() {
    return Optional.ofNullable(payloads.get("crash"));
  }

  /** How the submission exhausted the JVM (heap, stack, threads), if the runner saw it happen. */
  public Optional<String> exhausted() {
    return Optional.ofNullable(payloads.get("exhausted"));
  }

  /** Whether the runner reported that it ran every check to its end. */
  public boolean completed() {
    return payloads.containsKey("done");
  }

  public List<String> finishedIds() {
    return List.copyOf(finished.keySet());
  }
}
