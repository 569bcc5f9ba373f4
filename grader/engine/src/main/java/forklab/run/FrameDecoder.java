package forklab.run;

import forklab.protocol.ProtocolCodec;
import forklab.protocol.ProtocolException;
import forklab.protocol.RunnerEvent;
import forklab.protocol.RunnerEvent.CheckFinished;
import forklab.protocol.RunnerEvent.CheckStarted;
import forklab.protocol.RunnerEvent.Crash;
import forklab.protocol.RunnerEvent.Done;
import forklab.protocol.RunnerEvent.Exhausted;
import forklab.protocol.RunnerEvent.Hello;
import forklab.protocol.RunnerEvent.Plan;
import forklab.runner.Frames;
import forklab.sandbox.ExecutionResult;
import forklab.sandbox.StreamPump;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sorts the runner's standard output into genuine frames and everything else. A genuine frame later
 * than the next expected one is accepted, and the frames in between are counted as lost.
 */
final class FrameDecoder implements Consumer<String> {
  private static final int STRAY_KEPT_CHARS = 4 * 1024;

  private final Frames frames;
  private final Map<String, CheckFinished> finished = new LinkedHashMap<>();
  private final StreamPump.Tail stray = StreamPump.tail(STRAY_KEPT_CHARS);
  private final Set<String> lostResults = new LinkedHashSet<>();
  private long sequence;
  private boolean reachedRunner;
  private String running;
  private Plan plan;
  private Crash crash;
  private Exhausted exhausted;
  private boolean done;
  private int forged;
  private int lostFrames;
  private boolean unnamedLoss;
  private boolean brokenSinceLastFrame;

  FrameDecoder(String key) {
    this.frames = new Frames(key);
  }

  @Override
  public synchronized void accept(String line) {
    if (line.isEmpty()) {
      return;
    }
    Optional<Frames.Opened> frame = frames.openFrom(line, sequence);
    if (frame.isEmpty()) {
      if (line.startsWith(Frames.PREFIX)) {
        forged++;
      } else {
        stray.accept(line);
      }
      brokenSinceLastFrame |= line.contains(Frames.PREFIX);
      return;
    }
    long skipped = frame.get().sequence() - sequence;
    sequence = frame.get().sequence() + 1;
    brokenSinceLastFrame = false;
    reachedRunner = true;
    RunnerEvent event;
    try {
      event = ProtocolCodec.decodeEvent(frame.get().payload());
    } catch (ProtocolException notAnEvent) {
      forged++;
      return;
    }
    if (skipped > 0) {
      lost(skipped, event);
    }
    handle(event);
  }

  /**
   * Accounts for {@code count} frames lost before {@code next}. After a check's start the runner's
   * next frame is that check's result, so a running check's result is among them; a result for a
   * check other than the running one accounts for one lost frame, its start.
   */
  private void lost(long count, RunnerEvent next) {
    lostFrames += count;
    boolean nextIsResult = next instanceof CheckFinished;
    String nextId = next instanceof CheckFinished result ? result.id() : "";
    long named = 0;
    if (running != null && !(nextIsResult && nextId.equals(running))) {
      lostResults.add(running);
      running = null;
      named++;
    }
    if (nextIsResult && !nextId.equals(running)) {
      named++;
    }
    unnamedLoss |= count > named;
  }

  private void handle(RunnerEvent event) {
    switch (event) {
      case Hello hello -> {
        // Any genuine frame, this one or a later one, shows that the runner was reached.
      }
      case CheckStarted started -> running = started.id();
      case CheckFinished result -> {
        finished.put(result.id(), result);
        if (result.id().equals(running)) {
          running = null;
        }
      }
      case Plan listed -> plan = listed;
      case Crash failure -> crash = failure;
      case Exhausted used -> exhausted = used;
      case Done end -> done = true;
    }
  }

  synchronized RunOutcome outcome(ExecutionResult execution) {
    FrameLoss loss = new FrameLoss(lostFrames, lostResults, unnamedLoss, brokenSinceLastFrame);
    return new RunOutcome(
        reachedRunner,
        finished,
        Optional.ofNullable(running),
        Optional.ofNullable(plan),
        Optional.ofNullable(crash),
        Optional.ofNullable(exhausted),
        done,
        forged,
        loss,
        stray.toString(),
        execution);
  }
}
