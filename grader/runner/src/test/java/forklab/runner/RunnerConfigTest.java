package forklab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerConfigTest {
  private static final String KEY =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private static RunnerConfig config(String key, String mode, Map<String, byte[]> checks) {
    return new RunnerConfig(key, mode, checks, 0, 60, 65536, List.of(), false, false);
  }

  @Test
  void writesOneLinePerSettingAndOneLinePerCheckClassThenAnEmptyLine() {
    Map<String, byte[]> checks = new LinkedHashMap<>();
    checks.put("forklab.checks.echo.EchoChecks", "abc".getBytes(StandardCharsets.US_ASCII));
    RunnerConfig config =
        new RunnerConfig(KEY, "run", checks, 42L, 30, 65536, List.of("a.B#c", "a.B#d"), true, true);

    assertThat(config.toText())
        .isEqualTo(
            "key="
                + KEY
                + "\n"
                + "mode=run\n"
                + "seed=42\n"
                + "test-timeout=30\n"
                + "output-limit=65536\n"
                + "calibrate=true\n"
                + "harden=true\n"
                + "only=a.B#c\n"
                + "only=a.B#d\n"
                + "check=forklab.checks.echo.EchoChecks YWJj\n"
                + "\n");
  }

  @Test
  void readsBackWhatItWroteWithTheCheckClassesInOrder() throws IOException {
    Map<String, byte[]> checks = new LinkedHashMap<>();
    checks.put("b.Second", new byte[] {1, 2, 3});
    checks.put("a.First", new byte[] {(byte) 0xCA, (byte) 0xFE});
    RunnerConfig config =
        new RunnerConfig(
            KEY, "plan", checks, -9_123_456_789L, 90, 1024, List.of("x.Y#z"), true, false);

    RunnerConfig read = read(config.toText());

    assertThat(read.checks().keySet()).containsExactly("b.Second", "a.First");
    assertThat(read.checks().get("a.First")).containsExactly(0xCA, 0xFE);
    assertThat(read.toText()).isEqualTo(config.toText());
  }

  @Test
  void stopsReadingAtTheEmptyLineAndLeavesTheRestOfTheInput() throws IOException {
    BufferedReader in =
        new BufferedReader(
            new StringReader(config(KEY, "run", Map.of()).toText() + "not=config\n"));

    RunnerConfig.read(in);

    assertThat(in.readLine()).isEqualTo("not=config");
  }

  @Test
  void fillsInDefaultsForMissingSettings() throws IOException {
    RunnerConfig read = read("key=" + KEY + "\n\n");

    assertThat(read.toText()).isEqualTo(config(KEY, "run", Map.of()).toText());
    assertThat(read.harden()).isFalse();
    assertThat(read.only()).isEmpty();
  }

  @Test
  void keepsEverythingAfterTheFirstEqualsSignAsTheValue() throws IOException {
    assertThat(read("key=" + KEY + "\nmode=plan\n\n").mode()).isEqualTo("plan");
    assertThatThrownBy(() -> read("key=" + KEY + "\nmode=run=plan\n\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mode must be plan or run, not run=plan");
  }

  @Test
  void refusesALineWithoutEqualsSignAndACheckLineWithoutItsBytes() {
    assertThatThrownBy(() -> read("key=" + KEY + "\nmode\n\n"))
        .isInstanceOf(IOException.class)
        .hasMessage("bad config line: mode");
    assertThatThrownBy(() -> read("key=" + KEY + "\ncheck=a.B\n\n"))
        .isInstanceOf(IOException.class)
        .hasMessage("bad check line for a.B");
  }

  @Test
  void rejectsAKeyShorterThan32Characters() {
    String shortKey = KEY.substring(0, 31);

    assertThatThrownBy(() -> config(shortKey, "run", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing or short key");
    assertThat(config(KEY.substring(0, 32), "run", Map.of()).key()).hasSize(32);
  }

  @Test
  void rejectsAMissingKey() {
    assertThatThrownBy(() -> config(null, "run", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing or short key");
    assertThatThrownBy(() -> read("mode=run\n\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing or short key");
  }

  @Test
  void rejectsAModeOtherThanPlanOrRun() {
    assertThatThrownBy(() -> config(KEY, "walk", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mode must be plan or run, not walk");
  }

  @Test
  void copiesTheChecksSoLaterChangesToTheCallersMapDoNotLeakIn() {
    Map<String, byte[]> checks = new LinkedHashMap<>(Map.of("a.B", new byte[] {1}));
    RunnerConfig config = config(KEY, "run", checks);

    checks.put("c.D", new byte[] {2});

    assertThat(config.checks()).containsOnlyKeys("a.B");
  }

  private static RunnerConfig read(String text) throws IOException {
    return RunnerConfig.read(new BufferedReader(new StringReader(text)));
  }
}
