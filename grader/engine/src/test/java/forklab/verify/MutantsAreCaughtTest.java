package forklab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import forklab.course.ExerciseSpec;
import forklab.engine.Fixtures;
import forklab.engine.Workbench;
import forklab.sandbox.local.LocalSandbox;
import forklab.score.ExerciseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every mutant of every exercise compiles and loses points on at least one hidden check. */
@Tag("slow")
class MutantsAreCaughtTest {
  @TempDir static Path scratch;

  @TestFactory
  @Timeout(1200)
  Stream<DynamicTest> everyMutantLosesPointsOnAHiddenCheck() throws Exception {
    Workbench workbench = Fixtures.workbench(Fixtures.home(), scratch);
    List<DynamicTest> tests = new ArrayList<>();
    for (ExerciseSpec exercise : workbench.course().exercises()) {
      List<Path> mutants = Mutants.of(workbench.course(), exercise);
      tests.add(
          DynamicTest.dynamicTest(
              exercise.id() + " has at least four mutants",
              () -> assertThat(mutants).hasSizeGreaterThanOrEqualTo(4)));
      for (Path mutant : mutants) {
        tests.add(
            DynamicTest.dynamicTest(
                exercise.id() + " mutant " + mutant.getFileName(),
                () -> {
                  assertThat(Files.readString(mutant.resolve("MUTANT.md")).strip())
                      .as("MUTANT.md says what is wrong")
                      .isNotEmpty();
                  try (LocalSandbox sandbox = new LocalSandbox(scratch)) {
                    Verifier verifier =
                        new Verifier(workbench.course(), workbench.grader(sandbox), scratch);
                    Path target = Files.createTempDirectory(scratch, "mutant-");
                    // A mutant whose MUTANT.md names its catcher runs that check alone.
                    Optional<String> caughtBy = Mutants.caughtBy(mutant);
                    ExerciseResult result =
                        verifier.grade(
                            Mutants.assemble(workbench.course(), exercise, mutant, target),
                            exercise,
                            7,
                            caughtBy.orElse(""));
                    Expectation expectation =
                        Verifier.mutant(
                            exercise, mutant.getFileName().toString(), caughtBy, result);
                    assertThat(expectation.met()).as(expectation.observed()).isTrue();
                    assertThat(result.score()).isLessThan(result.maxScore());
                  }
                }));
      }
    }
    return tests.stream();
  }
}
