package forklab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerConfigTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void writesOneKeyValueLinePerSettingAndOneRootLinePerRootThenAnEmptyLine() {
    RunnerConfig config = new RunnerConfig(KEY, "run", List.of(3, 0, 5), 42L, 30, 65536, false);

    assertThat(config.toText())
        .isEqualTo("key=" + KEY + "\n"
            + "mode=run\n"
            + "root=3\n"
            + "root=0\n"
            + "root=5\n"
            + "seed=42\n"
            + "test-timeout=30\n"
            + "output-limit=65536\n"
            + "hide-checks=false\n"
            + "\n");
  }

  @Test
  void readsBackWhatItWroteWithSeveralRootsInOrder() throws IOException {
    RunnerConfig config = new RunnerConfig(KEY, "plan", List.of(2, 1, 7), -9_123_456_789L, 90, 1024, true);

    RunnerConfig read = read(config.toText());

    assertThat(read).isEqualTo(config);
    assertThat(read.checkRoots()).containsExactly(2, 1, 7);
  }

  @Test
  void readsBackAConfigWithoutRoots() throws IOException {
    RunnerConfig config = new RunnerConfig(KEY, "run", List.of(), 0, 1, 1, false);

    assertThat(read(config.toText())).isEqualTo(config);
  }

  @Test
  void stopsReadingAtTheEmptyLineAndLeavesTheRestOfTheInput() throws IOException {
    BufferedReader in = new BufferedReader(new StringReader(
        new RunnerConfig(KEY, "run", List.of(1), 5, 10, 100, false).toText() + "not=config\n"));

    RunnerConfig.read(in);

    assertThat(in.readLine()).isEqualTo("not=config");
  }

  @Test
  void fillsInDefaultsForMissingSettings() throws IOException {
    RunnerConfig read = read("key=" + KEY + "\n\n");

    assertThat(read).isEqualTo(new RunnerConfig(KEY, "run", List.of(), 0, 60, 65536, false));
  }

  @Test
  void keepsEverythingAfterTheFirstEqualsSignAsTheValue() throws IOException {
    assertThat(read("key=" + KEY + "\nmode=plan\n\n").mode()).isEqualTo("plan");
    assertThatThrownBy(() -> read("key=" + KEY + "\nmode=run=plan\n\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mode must be plan or run, not run=plan");
  }

  @Test
  void refusesALineWithoutEqualsSign() {
    assertThatThrownBy(() -> read("key=" + KEY + "\nmode\n\n"))
        .isInstanceOf(IOException.class)
        .hasMessage("bad config line: mode");
  }

  @Test
  void rejectsAKeyShorterThan32Characters() {
    String shortKey = KEY.substring(0, 31);

    assertThatThrownBy(() -> new RunnerConfig(shortKey, "run", List.of(), 0, 60, 65536, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing or short key");
    assertThat(new RunnerConfig(KEY.substring(0, 32), "run", List.of(), 0, 60, 65536, false).key()).hasSize(32);
  }

  @Test
  void rejectsAMissingKey() {
    assertThatThrownBy(() -> new RunnerConfig(null, "run", List.of(), 0, 60, 65536, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing or short key");
    assertThatThrownBy(() -> read("mode=run\n\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing or short key");
  }

  @Test
  void rejectsAModeOtherThanPlanOrRun() {
    assertThatThrownBy(() -> new RunnerConfig(KEY, "walk", List.of(), 0, 60, 65536, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mode must be plan or run, not walk");
    assertThatThrownBy(() -> new RunnerConfig(KEY, "RUN", List.of(), 0, 60, 65536, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mode must be plan or run, not RUN");
  }

  @Test
  void copiesTheRootsSoLaterChangesToTheCallersListDoNotLeakIn() {
    List<Integer> roots = new ArrayList<>(List.of(1, 2));
    RunnerConfig config = new RunnerConfig(KEY, "run", roots, 0, 60, 65536, false);

    roots.add(3);

    assertThat(config.checkRoots()).containsExactly(1, 2);
  }

  @Test
  void looksUpCheckRootsByTheirPositionInTheClassPath() {
    RunnerConfig config = new RunnerConfig(KEY, "run", List.of(2, 0), 0, 60, 65536, false);
    String classPath = String.join(File.pathSeparator, "/lib/runner.jar", "/work/student", "/work/checks");

    assertThat(config.checkRootPaths(classPath)).containsExactly(Path.of("/work/checks"), Path.of("/lib/runner.jar"));
  }

  private static RunnerConfig read(String text) throws IOException {
    return RunnerConfig.read(new BufferedReader(new StringReader(text)));
  }
}
