package forklab.api.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxProcessesTest {
  @TempDir Path proc;

  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  void inAContainerOrphansCountAndInitZombiesAndTheJvmDoNot() throws IOException {
    process(1, "docker-init", 'S', 0);
    process(2, "java", 'S', 1);
    process(5, "java", 'S', 2);
    process(9, "sleep", 'S', 1); // detached with setsid: re-parented to init
    process(11, "sleep", 'Z', 1);
    process(12, "odd ) name (", 'R', 5);

    SandboxProcesses sandbox = new SandboxProcesses(proc, 2);

    assertThat(sandbox.isolated()).isTrue();
    assertThat(sandbox.live()).containsExactly(5L, 9L, 12L);
  }

  @Test
  void whenTheJvmIsInitItsReparentedOrphansCountToo() throws IOException {
    process(1, "java", 'S', 0);
    process(7, "sleep", 'S', 1);
    process(8, "sh", 'Z', 1);

    SandboxProcesses sandbox = new SandboxProcesses(proc, 1);

    assertThat(sandbox.isolated()).isTrue();
    assertThat(sandbox.live()).containsExactly(7L);
  }

  @Test
  void outsideASandboxOnlyDescendantsCountNeverTheMachinesOtherProcesses() throws IOException {
    process(1, "systemd", 'S', 0);
    process(100, "bash", 'S', 1);
    process(200, "java", 'S', 100);
    process(300, "java", 'S', 200);
    process(301, "sleep", 'S', 300);
    process(400, "sshd", 'S', 1);
    process(500, "sleep", 'S', 100);

    SandboxProcesses host = new SandboxProcesses(proc, 200);

    assertThat(host.isolated()).isFalse();
    assertThat(host.live()).containsExactly(300L, 301L);
  }

  @Test
  void aRealChildIsSeenDescribedAndKilled() throws Exception {
    Set<Long> before = SandboxProcesses.others();
    Process child = new ProcessBuilder("sleep", "30").start();

    assertThat(SandboxProcesses.othersExcept(before)).contains(child.pid());
    assertThat(SandboxProcesses.describe(child.pid())).isEqualTo(child.pid() + " (sleep 30)");
    assertThat(SandboxProcesses.others()).doesNotContain(ProcessHandle.current().pid(), 1L);

    SandboxProcesses.killAll();

    assertThat(SandboxProcesses.survivorsAfter(before, Duration.ofSeconds(2))).isEmpty();
    assertThat(child.isAlive()).isFalse();
  }

  private void process(long pid, String name, char state, long parent) throws IOException {
    Path folder = Files.createDirectories(proc.resolve(Long.toString(pid)));
    Files.writeString(
        folder.resolve("stat"),
        pid
            + " ("
            + name
            + ") "
            + state
            + " "
            + parent
            + " "
            + pid
            + " "
            + pid
            + " 0 -1 4194560\n");
    Files.writeString(folder.resolve("cmdline"), name + "\0");
  }
}
