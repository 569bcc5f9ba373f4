package forklab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The grader's own architecture, guarded with the tool it uses on students. */
class ArchitectureTest {
  private static JavaClasses grader;

  @BeforeAll
  static void importTheGrader() {
    grader =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("forklab");
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("forklab.(*)..").should().beFreeOfCycles().check(grader);
  }

  @Test
  void onlyTheCommandLinePrints() {
    noClasses()
        .that()
        .resideOutsideOfPackages("forklab.cli..", "forklab.runner..")
        .and()
        .doNotHaveFullyQualifiedName("forklab.build.CompilerProcess")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .because(
            "output goes through picocli's writers, and the runner and the compiler process own their JVMs' streams")
        .check(grader);
  }

  @Test
  void theEngineNamesNoExercise() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "forklab.engine..",
            "forklab.score..",
            "forklab.report..",
            "forklab.sandbox..",
            "forklab.run..",
            "forklab.plan..",
            "forklab.discover..",
            "forklab.build..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("forklab.workers..", "forklab.primes..", "forklab.checks..")
        .because("a new exercise set must need no engine change")
        .check(grader);
  }

  @Test
  void stagesDoNotReachIntoTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("forklab.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("forklab.cli..")
        .check(grader);
  }
}
