package forklab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The one-annotation check: name, grade and seed from {@link Check}. */
class CheckTest {
  @Checks
  static class Named {
    @Test
    @Check(goal = Goal.CONCURRENCY, points = 2, name = "five sleeping workers overlap")
    void overlap(Random random) {
      assertThat(random.nextLong()).isEqualTo(new Random(42).nextLong());
    }

    @Test
    void plain() {}
  }

  static class WithoutChecks {
    @Test
    @Check(goal = Goal.CORRECTNESS, points = 1, name = "a name nobody will see")
    void unnamed() {}
  }

  static class Legacy {
    @Test
    @Graded(goal = Goal.ISOLATION, points = 1.5)
    void graded() {}

    @Test
    void byClass() {}
  }

  @Graded(goal = Goal.ARCHITECTURE, points = 1)
  static class ClassDefault {
    @Test
    void byClass() {}
  }

  static class Both {
    @Test
    @Check(goal = Goal.CORRECTNESS, points = 1, name = "both")
    @Graded(goal = Goal.CORRECTNESS, points = 2)
    void both() {}
  }

  @Checks
  static class OfTheCourse {
    @Test
    @CourseCheck(goal = "fairness", points = 2, name = "every worker gets a turn")
    void fair() {}
  }

  @Test
  void aCheckOfACourseGoalCarriesTheGoalsIdAndItsName() throws Exception {
    assertThat(Grade.of(OfTheCourse.class.getDeclaredMethod("fair")))
        .contains(new Grade("fairness", 2));
    assertThat(Fixtures.names(Fixtures.run(OfTheCourse.class)))
        .contains("every worker gets a turn");
  }

  @Test
  void aCheckIsNamedAfterItsAnnotationAndGetsTheRunsSeed() {
    EngineExecutionResults results = Fixtures.run(Named.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(Fixtures.names(results)).contains("five sleeping workers overlap", "plain()");
  }

  @Test
  void aCheckWhoseClassLacksChecksFailsSayingSo() {
    EngineExecutionResults results = Fixtures.run(WithoutChecks.class);

    assertThat(Fixtures.failures(results))
        .singleElement()
        .satisfies(
            thrown ->
                assertThat(thrown)
                    .hasMessageContaining("needs @forklab.api.Checks on")
                    .hasMessageContaining(WithoutChecks.class.getName()));
  }

  @Test
  void theGradeComesFromCheckOrGradedOrTheClass() throws NoSuchMethodException {
    assertThat(Grade.of(Named.class.getDeclaredMethod("overlap", Random.class)))
        .contains(new Grade(Goal.CONCURRENCY, 2));
    assertThat(Grade.of(Named.class.getDeclaredMethod("plain"))).isEmpty();
    assertThat(Grade.of(Legacy.class.getDeclaredMethod("graded")))
        .contains(new Grade(Goal.ISOLATION, 1.5));
    assertThat(Grade.of(Legacy.class.getDeclaredMethod("byClass"))).isEmpty();
    assertThat(Grade.of(ClassDefault.class.getDeclaredMethod("byClass")))
        .contains(new Grade(Goal.ARCHITECTURE, 1));
    assertThatThrownBy(() -> Grade.of(Both.class.getDeclaredMethod("both")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("more than one of @Check, @CourseCheck and @Graded");
  }
}
