package forklab.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import forklab.runner.Frames;
import forklab.sandbox.ExecutionResult;
import forklab.sandbox.StreamPump;
import java.io.IOException;
import java.time.Duration;
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
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STRAY_KEPT_CHARS = 4 * 1024;

  private final Frames frames;
  private final Map<String, CheckEvent> finished = new LinkedHashMap<>();
  private final Map<String, String> payloads = new LinkedHashMap<>();
  private final StreamPump.Tail stray = StreamPump.tail(STRAY_KEPT_CHARS);
  private final Set<String> lostResults = new LinkedHashSet<>();
  private long sequence;
  private boolean reachedRunner;
  private String running;
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
    JsonNode event;
    try {
      event = JSON.readTree(frame.get().payload());
    } catch (IOException e) {
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
  private void lost(long count, JsonNode next) {
    lostFrames += count;
    boolean nextIsResult = next.path("type").asText().equals("finished");
    String nextId = next.path("id").asText();
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

  private void handle(JsonNode event) {
    String type = event.path("type").asText();
    switch (type) {
      case "hello" -> {
        // Any genuine frame, this one or a later one, shows that the runner was reached.
      }
      case "started" -> running = event.path("id").asText();
      case "finished" -> {
        String id = event.path("id").asText();
        Map<String, String> entries = new LinkedHashMap<>();
        event
            .path("entries")
            .properties()
            .forEach(entry -> entries.put(entry.getKey(), entry.getValue().asText()));
        finished.put(
            id,
            new CheckEvent(
                id,
                event.path("status").asText(),
                event.path("message").asText(""),
                entries,
                Duration.ofMillis(event.path("millis").asLong()),
                event.path("output").asText("")));
        if (id.equals(running)) {
          running = null;
        }
      }
      case "plan" -> payloads.put("plan", event.path("checks").toString());
      case "crash", "exhausted" -> payloads.put(type, event.path("message").asText());
      default -> payloads.put(type, event.toString());
    }
  }

  synchronized RunOutcome outcome(ExecutionResult execution) {
    FrameLoss loss = new FrameLoss(lostFrames, lostResults, unnamedLoss, brokenSinceLastFrame);
    return new RunOutcome(
        reachedRunner,
        finished,
        Optional.ofNullable(running),
        payloads,
        forged,
        loss,
        stray.toString(),
        execution);
  }
}
