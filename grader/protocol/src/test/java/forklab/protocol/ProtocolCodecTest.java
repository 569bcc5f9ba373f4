package forklab.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forklab.protocol.RunnerEvent.CheckFinished;
import forklab.protocol.RunnerEvent.CheckStarted;
import forklab.protocol.RunnerEvent.Crash;
import forklab.protocol.RunnerEvent.Done;
import forklab.protocol.RunnerEvent.Exhausted;
import forklab.protocol.RunnerEvent.Hello;
import forklab.protocol.RunnerEvent.Plan;
import forklab.protocol.RunnerEvent.Status;
import forklab.protocol.RunnerInput.Limits;
import forklab.protocol.RunnerInput.Mode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolCodecTest {
  private static final String KEY =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  static Stream<RunnerEvent> everyEvent() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("forklab.speedup", "3.2");
    entries.put("forklab.threads", "4");
    return Stream.of(
        new Hello("25+36-LTS", 2, true),
        new Plan(
            List.of(
                new Plan.Check(
                    "a.WorkersCheck#splits",
                    "a.WorkersCheck",
                    "splits the work",
                    List.of("correctness", "speed"),
                    new Plan.Grading("speedup", 2.5)),
                new Plan.Check("a.PublicTest#adds", "a.PublicTest", "adds()", List.of(), null))),
        new Plan(List.of()),
        new CheckStarted("a.WorkersCheck#splits"),
        new CheckFinished("a.B#c", Status.SUCCESSFUL, "", entries, 12, "hi\n"),
        new CheckFinished("a.B#d", Status.FAILED, "expected: 1\nbut was: \"2\"", Map.of(), 0, ""),
        new CheckFinished("a.B#e", Status.ABORTED, "skipped: slow", Map.of(), 3, "grüße 🧵 \u0000"),
        new Crash("java.lang.IllegalStateException: hardening failed"),
        new Exhausted("java.lang.OutOfMemoryError: Java heap space"),
        new Done());
  }

  @ParameterizedTest
  @MethodSource("everyEvent")
  void everyEventComesBackAsTheSameRecordFromOneLineOfJson(RunnerEvent event) throws Exception {
    String json = ProtocolCodec.encode(event);

    assertThat(json).doesNotContain("\n", "\r");
    assertThat(ProtocolCodec.decodeEvent(json)).isEqualTo(event);
  }

  @Test
  void theTypeNamesAreTheWireNamesTheRunnerAlwaysSent() {
    assertThat(ProtocolCodec.encode(new Done())).isEqualTo("{\"type\":\"done\"}");
    assertThat(ProtocolCodec.encode(new CheckStarted("a.B#c")))
        .isEqualTo("{\"type\":\"started\",\"id\":\"a.B#c\"}");
    assertThat(
            ProtocolCodec.encode(new CheckFinished("a.B#c", Status.FAILED, "m", Map.of(), 7, "o")))
        .isEqualTo(
            "{\"type\":\"finished\",\"id\":\"a.B#c\",\"status\":\"FAILED\",\"message\":\"m\","
                + "\"entries\":{},\"millis\":7,\"output\":\"o\"}");
  }

  @Test
  void theReportEntriesKeepTheirOrder() throws Exception {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 9; i >= 0; i--) {
      entries.put("forklab.k" + i, "v" + i);
    }
    CheckFinished finished = new CheckFinished("a.B#c", Status.SUCCESSFUL, "", entries, 1, "");

    CheckFinished back = (CheckFinished) ProtocolCodec.decodeEvent(ProtocolCodec.encode(finished));

    assertThat(back.entries().keySet()).containsExactlyElementsOf(entries.keySet());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"passed\",\"id\":\"a.B#c\"}", // a type the runner never sends
        "{\"type\":\"forklab.protocol.RunnerEvent$Done\"}", // a class name is not a type name
        "{\"id\":\"a.B#c\"}", // no type
        "{\"type\":\"started\",\"id\":\"a.B#c\",\"points\":99}", // an unknown property
        "{\"type\":\"started\"}", // a missing property
        "{\"type\":\"started\",\"id\":null}", // a null the record does not allow
        "{\"type\":\"finished\",\"id\":\"a.B#c\",\"status\":\"PASSED\",\"message\":\"\","
            + "\"entries\":{},\"millis\":1,\"output\":\"\"}", // an unknown status
        "{\"type\":\"finished\",\"id\":\"a.B#c\",\"status\":0,\"message\":\"\","
            + "\"entries\":{},\"millis\":1,\"output\":\"\"}", // a status by number
        "{\"type\":\"finished\",\"id\":\"a.B#c\",\"status\":\"FAILED\",\"message\":\"\","
            + "\"entries\":{\"k\":{\"nested\":1}},\"millis\":1,\"output\":\"\"}", // a non-string
        // entry
        "{\"type\":\"hello\",\"java\":\"25\",\"cpus\":null,\"hardened\":true}", // null primitive
        "{\"type\":\"done\"} {\"type\":\"done\"}", // two events in one frame
        "{\"type\":\"done\"", // not JSON
        ""
      })
  void anythingButExactlyOneKnownEventIsRefused(String json) {
    assertThatThrownBy(() -> ProtocolCodec.decodeEvent(json)).isInstanceOf(ProtocolException.class);
  }

  @Test
  void theInputComesBackWithItsClassFilesByteForByte() throws Exception {
    Map<String, byte[]> checks = new LinkedHashMap<>();
    checks.put("a.B", new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1, (byte) 0xFF});
    checks.put("a.B$Inner", new byte[] {});
    RunnerInput input =
        new RunnerInput(
            KEY,
            Mode.RUN,
            -42L,
            List.of("a.B#c", "a.B#d"),
            true,
            true,
            new Limits(30, 65536),
            checks);

    String json = ProtocolCodec.encode(input);
    RunnerInput back = ProtocolCodec.decodeInput(json);

    assertThat(json).doesNotContain("\n");
    assertThat(back)
        .usingRecursiveComparison()
        .isEqualTo(input); // byte[] has no equals, so field by field
    assertThat(back.checks().keySet()).containsExactly("a.B", "a.B$Inner");
    assertThat(back.checks().get("a.B")).containsExactly(checks.get("a.B"));
  }

  @Test
  void anInputWithAnUnknownOrMissingFieldOrAShortKeyIsRefused() {
    String good = ProtocolCodec.encode(input(KEY));
    assertThatThrownBy(
            () -> ProtocolCodec.decodeInput(good.replace("\"seed\":", "\"debug\":true,\"seed\":")))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> ProtocolCodec.decodeInput(good.replace("\"harden\":false,", "")))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> ProtocolCodec.decodeInput(good.replace(KEY, "abc")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("short key");
    assertThatThrownBy(() -> ProtocolCodec.decodeInput(good.replace("\"RUN\"", "\"DEBUG\"")))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void theInputsTextNamesNeitherTheKeyNorTheBytes() {
    assertThat(input(KEY).toString()).doesNotContain(KEY).contains("a.B");
  }

  private static RunnerInput input(String key) {
    return new RunnerInput(
        key,
        Mode.RUN,
        7,
        List.of(),
        false,
        false,
        new Limits(60, 1024),
        Map.of("a.B", new byte[] {1, 2, 3}));
  }
}
