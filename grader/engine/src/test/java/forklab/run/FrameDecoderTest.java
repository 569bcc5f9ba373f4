package forklab.run;

import static org.assertj.core.api.Assertions.assertThat;

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

  private final Frames frames = new Frames(KEY);
  private final List<String> lines = new ArrayList<>();
  private long sequence;

  @Test
  void framesInOrderGiveEveryResult() {
    frame("{\"type\":\"hello\"}");
    started("A");
    finished("A");
    frame("{\"type\":\"done\"}");

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
    frame("{\"type\":\"hello\"}");
    started("A");
    garbled(finishedPayload("A"));
    started("B");
    finished("B");
    frame("{\"type\":\"done\"}");

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).containsExactly("B");
    assertThat(outcome.running()).isEmpty();
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(1, Set.of("A"), false, false));
    assertThat(outcome.completed()).isTrue();
  }

  @Test
  void aResultAndTheNextStartLostTogetherNameOnlyTheCheckWhoseResultWasLost() {
    frame("{\"type\":\"hello\"}");
    started("A");
    garbled(finishedPayload("A"));
    junkBefore("{\"type\":\"started\",\"id\":\"B\"}");
    finished("B");

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).containsExactly("B");
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(2, Set.of("A"), false, false));
  }

  @Test
  void aCheckWhoseStartAndResultWereBothLostCannotBeNamed() {
    frame("{\"type\":\"hello\"}");
    started("A");
    finished("A");
    garbled("{\"type\":\"started\",\"id\":\"B\"}");
    garbled(finishedPayload("B"));
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
    frame("{\"type\":\"hello\"}");
    started("A");
    garbled(finishedPayload("A"));
    junkBefore("{\"type\":\"done\"}");

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).isEmpty();
    assertThat(outcome.running()).contains("A");
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(0, Set.of(), false, true));
    assertThat(outcome.completed()).isFalse();
  }

  @Test
  void aLostHelloStillShowsThatTheRunnerWasReached() {
    garbled("{\"type\":\"hello\"}");
    started("A");

    RunOutcome outcome = decode();

    assertThat(outcome.reachedRunner()).isTrue();
    assertThat(outcome.running()).contains("A");
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(1, Set.of(), true, false));
  }

  @Test
  void strayOutputWithoutAFramePrefixLosesNothing() {
    frame("{\"type\":\"hello\"}");
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
    frame("{\"type\":\"hello\"}");
    started("A");
    finished("A");
    garbled("{\"type\":\"started\",\"id\":\"B\"}");
    finished("B");
    frame("{\"type\":\"done\"}");

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).containsExactlyInAnyOrder("A", "B");
    assertThat(outcome.running()).isEmpty();
    assertThat(outcome.loss()).isEqualTo(new FrameLoss(1, Set.of(), false, false));
  }

  @Test
  void aFrameSignedWithAnotherKeyIsRefusedWhateverItsSequence() {
    frame("{\"type\":\"hello\"}");
    started("A");
    lines.add(new Frames(Frames.newKey()).frame(5, finishedPayload("A")));
    finished("A");

    RunOutcome outcome = decode();

    assertThat(outcome.finishedIds()).containsExactly("A");
    assertThat(outcome.forgedLines()).isEqualTo(1);
    assertThat(outcome.loss()).isEqualTo(FrameLoss.NONE);
  }

  @Test
  void aRepeatedEarlierFrameIsRefused() {
    frame("{\"type\":\"hello\"}");
    started("A");
    String result =
        frames.frame(
            2, "{\"type\":\"finished\",\"id\":\"A\",\"status\":\"FAILED\",\"message\":\"wrong\"}");
    lines.add(result);
    lines.add(frames.frame(3, "{\"type\":\"started\",\"id\":\"B\"}"));
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
  private void frame(String payload) {
    lines.add(frames.frame(sequence++, payload));
  }

  /** The next frame with bytes from another writer in the middle of its line. */
  private void garbled(String payload) {
    String line = frames.frame(sequence++, payload);
    lines.add(
        line.substring(0, line.length() / 2) + "xxxxxxxx" + line.substring(line.length() / 2));
  }

  /** The next frame with bytes from another writer before it on its line. */
  private void junkBefore(String payload) {
    lines.add("xxxxxxxx" + frames.frame(sequence++, payload));
  }

  private void started(String id) {
    frame("{\"type\":\"started\",\"id\":\"" + id + "\"}");
  }

  private void finished(String id) {
    frame(finishedPayload(id));
  }

  private static String finishedPayload(String id) {
    return "{\"type\":\"finished\",\"id\":\""
        + id
        + "\",\"status\":\"SUCCESSFUL\",\"message\":\"\",\"entries\":{},"
        + "\"millis\":5,\"output\":\"\"}";
  }
}
