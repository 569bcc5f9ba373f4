package forklab.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import forklab.runner.Frames;
import forklab.sandbox.ExecutionResult;
import forklab.sandbox.StreamPump;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Sorts the runner's standard output into genuine frames and everything else. */
final class FrameDecoder implements Consumer<String> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STRAY_KEPT_CHARS = 4 * 1024;

  private final Frames frames;
  private final Map<String, CheckEvent> finished = new LinkedHashMap<>();
  private final Map<String, String> payloads = new LinkedHashMap<>();
  private final StreamPump.Tail stray = StreamPump.tail(STRAY_KEPT_CHARS);
  private long sequence;
  private boolean hello;
  private String running;
  private int forged;

  FrameDecoder(String key) {
    this.frames = new Frames(key);
  }

  @Override
  public synchronized void accept(String line) {
    if (line.isEmpty()) {
      return;
    }
    Optional<String> payload = frames.open(line, sequence);
    if (payload.isEmpty()) {
      if (line.startsWith(Frames.PREFIX)) {
        forged++;
      } else {
        stray.accept(line);
      }
      return;
    }
    sequence++;
    try {
      handle(JSON.readTree(payload.get()));
    } catch (IOException e) {
      forged++;
    }
  }

  private void handle(JsonNode event) {
    String type = event.path("type").asText();
    switch (type) {
      case "hello" -> hello = true;
      case "started" -> running = event.path("id").asText();
      case "finished" -> {
        String id = event.path("id").asText();
        Map<String, String> entries = new LinkedHashMap<>();
        event.path("entries").properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue().asText()));
        finished.put(id, new CheckEvent(
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
    return new RunOutcome(hello, finished, Optional.ofNullable(running), payloads, forged, stray.toString(), execution);
  }
}
