package forklab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerLibraryTest {
  @TempDir Path home;
  private Path target;

  @BeforeEach
  void buildARunner() throws IOException {
    target = home.resolve("grader/runner/target");
    Files.createDirectories(target.resolve("classes/forklab/runner"));
    jar("runner-lib/junit.jar");
    jar("runner-modules/forklab-hardening.jar");
    jar("libraries/lincheck/lincheck.jar");
    jar("libraries/lincheck/byte-buddy-agent.jar");
    jar("libraries/lincheck/agents/byte-buddy-agent.jar");
    Files.writeString(target.resolve("libraries/lincheck/README.txt"), "not a jar");
  }

  @Test
  void withoutLibrariesTheCheckJvmGetsTheRunnerAloneAndNoAgent() {
    RunnerLibrary runner = RunnerLibrary.of(home);

    assertThat(runner.withLibraries(List.of())).isEqualTo(runner);
    assertThat(runner.classpath())
        .containsExactly(target.resolve("classes"), target.resolve("runner-lib/junit.jar"));
    assertThat(runner.agents()).isEmpty();
  }

  @Test
  void aLibraryAddsItsJarsAfterTheRunnersAndLoadsItsAgentsAtStart() {
    RunnerLibrary withLincheck = RunnerLibrary.of(home).withLibraries(List.of("lincheck"));

    assertThat(withLincheck.classpath())
        .containsExactly(
            target.resolve("classes"),
            target.resolve("runner-lib/junit.jar"),
            target.resolve("libraries/lincheck/byte-buddy-agent.jar"),
            target.resolve("libraries/lincheck/lincheck.jar"));
    assertThat(withLincheck.agents())
        .containsExactly(target.resolve("libraries/lincheck/agents/byte-buddy-agent.jar"));
    assertThat(withLincheck.trustedModules())
        .containsExactly(target.resolve("runner-modules/forklab-hardening.jar"));
  }

  @Test
  void anUnknownLibraryIsRefusedNamingTheOnesThereAre() {
    RunnerLibrary runner = RunnerLibrary.of(home);

    assertThatThrownBy(() -> runner.withLibraries(List.of("jcstress")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no check library 'jcstress' in "
                + target.resolve("libraries")
                + "; there are: lincheck");
    assertThatThrownBy(() -> runner.withLibraries(List.of("../runner-lib")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no check library '../runner-lib'");
  }

  private void jar(String relative) throws IOException {
    Path file = target.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {'P', 'K'});
  }
}
