package forklab.run;

import static org.assertj.core.api.Assertions.assertThat;

import forklab.protocol.ProtocolCodec;
import forklab.protocol.RunnerEvent;
import forklab.protocol.RunnerEvent.CheckFinished;
import forklab.protocol.RunnerEvent.CheckStarted;
import forklab.protocol.RunnerEvent.Crash;
import forklab.protocol.RunnerEvent.Done;
import forklab.protocol.RunnerEvent.Exhausted;
import forklab.protocol.RunnerEvent.Hello;
import forklab.protocol.RunnerEvent.Plan;
import forklab.protocol.RunnerEvent.Status;
import forklab.runner.Frames;
import forklab.sandbox.ExecutionResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lines in, outcome out: frames made with the runner's own {@link Frames} and a known key. */
class FrameDecoderTest {
  private static final String KEY =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  private static final ExecutionResult ENDED_NORMALLY =
      new ExecutionResult(0, false, false, Duration.ZERO, "", Map.of());

  private static final Hello HELLO = new Hello("25", 2, false);

  private final Frames frames = new Frames(KEY);
  private final List<String> lines = new ArrayList<>();
  private long sequence;

  @Test
  void theTypedEventsArriveAsTheyWereSent() {
    Map<String, String> entries = Map.of("forklab.speedup", "2.9");
    CheckFinished failed =
        new CheckFinished("a.B#c", Status.FAILED, "expected 4", entries, 12, "out\n");
    Plan plan =
        new Plan(
            List.of(
                new Plan.Check(
                    "a.B#c", "a.B", "c()", List.of("speed"), new Plan.Grading("speedup", 3))));
    frame(HELLO);
    frame(plan);
    started("a.B#c");
    frame(failed);
    frame(new Exhausted("java.lang.OutOfMemoryError: Java heap space"));
    frame(new Crash("boom"));
    frame(new Done());

    RunOutcome outcome = decode();

    assertThat(outcome.finished()).containsExactly(Map.entry("a.B#c", failed));
    assertThat(outcome.finished().get("a.B#c").duration()).isEqualTo(Duration.ofMillis(12));
    assertThat(outcome.plan()).contains(plan);
    assertThat(outcome.exhausted())
        .contains(new Exhausted("java.lang.OutOfMemoryError: Java heap space"));
    assertThat(outcome.crash()).contains(new Crash("boom"));
    assertThat(outcome.completed()).isTrue();
    assertThat(outcome.forgedLines()).isZero();
  }

  @Test
  void aGenuinelySignedFrameThatIsNoKnownEventIsCountedAsForgedAndTakenForNothing() {
    frame(HELLO);
    started("A");
    frame("{\"type\":\"finished\",\"id\":\"A\",\"status\":\"SUCCESSFUL\"}"); // fields missing
    frame("{\"type\":\"passed\",\"id\":\"A\"}"); // no such event
    frame("{\"type\":\"done\",\"points\":99}"); // an unknown property
    frame("not json");

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).isEmpty();
    assertThat(outcome.running()).contains("A");
    assertThat(outcome.completed()).isFalse();
    assertThat(outcome.forgedLines()).isEqualTo(4);
  }

  @Test
  void withoutADoneTheRunIsNotCompletedAndNothingElseIsMadeUp() {
    frame(HELLO);

    RunOutcome outcome = decode();

    assertThat(outcome.completed()).isFalse();
    assertThat(outcome.plan()).isEmpty();
    assertThat(outcome.crash()).isEmpty();
    assertThat(outcome.exhausted()).isEmpty();
  }

  @Test
  void framesInOrderGiveEveryResult() {
    frame(HELLO);
    started("A");
    finished("A");
    frame(new Done());

    RunOutcome outcome = decode();

    assertThat(outcome.reachedRunner()).isTrue();
    assertThat(outcome.finishedIds()).containsExactly("A");
    assertThat(outcome.running()).isEmpty();
    assertThat(outcome.forgedLines()).isZero();
    assertThat(outcome.loss()).isEqualTo(FrameLoss.NONE);
    assertThat(outcome.completed()).isTrue();
  }

  @Test
  void aGenuineFrameAfterABrokenOneIsStillAcceptedAndTheBrokenResultIsNotTakenForARunningCheck() {
    frame(HELLO);
    started("A");
    garbled(passed("A"));
    started("B");
    finished("B");
    frame(new Done());

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).containsExactly("B");
    assertThat(outcome.running()).isEmpty();
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(1, Set.of("A"), false, false));
    assertThat(outcome.completed()).isTrue();
  }

  @Test
  void aResultAndTheNextStartLostTogetherNameOnlyTheCheckWhoseResultWasLost() {
    frame(HELLO);
    started("A");
    garbled(passed("A"));
    junkBefore(new CheckStarted("B"));
    finished("B");

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).containsExactly("B");
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(2, Set.of("A"), false, false));
  }

  @Test
  void aCheckWhoseStartAndResultWereBothLostCannotBeNamed() {
    frame(HELLO);
    started("A");
    finished("A");
    garbled(new CheckStarted("B"));
    garbled(passed("B"));
    started("C");
    finished("C");

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).containsExactlyInAnyOrder("A", "C");
    assertThat(outcome.running()).isEmpty();
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(2, Set.of(), true, false));
    assertThat(outcome.completed()).isFalse();
  }

  @Test
  void brokenFramesAfterTheLastGenuineOneLeaveTheRunningCheckInDoubt() {
    frame(HELLO);
    started("A");
    garbled(passed("A"));
    junkBefore(new Done());

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).isEmpty();
    assertThat(outcome.running()).contains("A");
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(0, Set.of(), false, true));
    assertThat(outcome.completed()).isFalse();
  }

  @Test
  void aLostHelloStillShowsThatTheRunnerWasReached() {
    garbled(HELLO);
    started("A");

    RunOutcome outcome = decode();

    assertThat(outcome.reachedRunner()).isTrue();
    assertThat(outcome.running()).contains("A");
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(1, Set.of(), true, false));
  }

  @Test
  void strayOutputWithoutAFramePrefixLosesNothing() {
    frame(HELLO);
    started("A");
    lines.add("xxxxxxxx");
    finished("A");
    lines.add("no frame here");

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).containsExactly("A");
    assertThat(outcome.loss()).isEqualTo(FrameLoss.NONE);
    assertThat(outcome.strayOutput()).isEqualTo("xxxxxxxx\nno frame here\n");
  }

  @Test
  void aLostStartedFrameLosesNothingWhenTheResultArrives() {
    frame(HELLO);
    started("A");
    finished("A");
    garbled(new CheckStarted("B"));
    finished("B");
    frame(new Done());

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).containsExactlyInAnyOrder("A", "B");
    assertThat(outcome.running()).isEmpty();
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(1, Set.of(), false, false));
  }

  @Test
  void aFrameSignedWithAnotherKeyIsRefusedWhateverItsSequence() {
    frame(HELLO);
    started("A");
    lines.add(new Frames(Frames.newKey()).frame(5, ProtocolCodec.encode(passed("A"))));
    finished("A");

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).containsExactly("A");
    assertThat(outcome.forgedLines()).isEqualTo(1);
    assertThat(outcome.loss()).isEqualTo(FrameLoss.NONE);
  }

  @Test
  void aRepeatedEarlierFrameIsRefused() {
    frame(HELLO);
    started("A");
    String result =
        frames.frame(
            2,
            ProtocolCodec.encode(new CheckFinished("A", Status.FAILED, "wrong", Map.of(), 5, "")));
    lines.add(result);
    lines.add(frames.frame(3, ProtocolCodec.encode(new CheckStarted("B"))));
    lines.add(result);

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).containsExactly("A");
    assertThat(outcome.running()).contains("B");
    assertThat(outcome.forgedLines()).isEqualTo(1);
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(0, Set.of(), false, true));
  }

  private RunOutcome decode() {
    FrameDecoder decoder = new FrameDecoder(KEY);
    lines.forEach(decoder);
    return decoder.outcome(ENDED_NORMALLY);
  }

  /** The next frame, as the runner writes it. */
  private void frame(RunnerEvent event) {
    frame(ProtocolCodec.encode(event));
  }

  /** The next frame, signed as the runner would, around any payload. */
  private void frame(String payload) {
    lines.add(frames.frame(sequence++, payload));
  }

  /** The next frame with bytes from another writer in the middle of its line. */
  private void garbled(RunnerEvent event) {
    String line = frames.frame(sequence++, ProtocolCodec.encode(event));
    lines.add(
        line.substring(0, line.length() / 2) + "xxxxxxxx" + line.substring(line.length() / 2));
  }

  /** The next frame with bytes from another writer before it on its line. */
  private void junkBefore(RunnerEvent event) {
    lines.add("xxxxxxxx" + frames.frame(sequence++, ProtocolCodec.encode(event)));
  }

  private void started(String id) {
    frame(new CheckStarted(id));
  }

  private void finished(String id) {
    frame(passed(id));
  }

  private static CheckFinished passed(String id) {
    return new CheckFinished(id, Status.SUCCESSFUL, "", Map.of(), 5, "");
  }
}
