package forklab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forklab.protocol.ProtocolCodec;
import forklab.protocol.ProtocolException;
import forklab.protocol.RunnerInput;
import forklab.protocol.RunnerInput.Limits;
import forklab.protocol.RunnerInput.Mode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the runner reads what the grader sent: one line of the protocol's JSON. */
class RunnerInputTest {
  private static final String KEY =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void readsTheInputOnTheFirstLineWithTheCheckClassesInOrderAndLeavesTheRest() throws Exception {
    Map<String, byte[]> checks = new LinkedHashMap<>();
    checks.put("b.Second", new byte[] {1, 2, 3});
    checks.put("a.First", new byte[] {(byte) 0xCA, (byte) 0xFE});
    RunnerInput sent =
        new RunnerInput(
            KEY,
            Mode.PLAN,
            -9_123_456_789L,
            List.of("x.Y#z"),
            true,
            false,
            new Limits(90, 1024),
            checks);
    BufferedReader in =
        new BufferedReader(new StringReader(ProtocolCodec.encode(sent) + "\nnot input\n"));

    RunnerInput read = SandboxRunner.readInput(in);

    assertThat(read).usingRecursiveComparison().isEqualTo(sent);
    assertThat(read.checks().keySet()).containsExactly("b.Second", "a.First");
    assertThat(in.readLine()).isEqualTo("not input");
  }

  @Test
  void refusesTheOldKeyValueLinesAndNoInputAtAll() {
    assertThatThrownBy(() -> read("key=" + KEY + "\nmode=run\n\n"))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no input");
  }

  @Test
  void copiesTheChecksSoLaterChangesToTheCallersMapDoNotLeakIn() {
    Map<String, byte[]> checks = new LinkedHashMap<>(Map.of("a.B", new byte[] {1}));
    RunnerInput input =
        new RunnerInput(KEY, Mode.RUN, 0, List.of(), false, false, new Limits(60, 65536), checks);

    checks.put("c.D", new byte[] {2});

    assertThat(input.checks()).containsOnlyKeys("a.B");
  }

  @Test
  void rejectsAMissingOrShortKey() {
    assertThatThrownBy(
            () ->
                new RunnerInput(
                    KEY.substring(0, 31),
                    Mode.RUN,
                    0,
                    List.of(),
                    false,
                    false,
                    new Limits(60, 65536),
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing or short key");
    assertThatThrownBy(
            () ->
                new RunnerInput(
                    null, Mode.RUN, 0, List.of(), false, false, new Limits(60, 65536), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing or short key");
  }

  private static RunnerInput read(String text) throws IOException, ProtocolException {
    return SandboxRunner.readInput(new BufferedReader(new StringReader(text)));
  }
}
