package forklab.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares a hidden check in one annotation: its goal, its points and the name students read.
 *
 * <pre>{@code
 * @Checks
 * class ThreadChecks {
 *   @Test
 *   @Check(goal = Goal.CONCURRENCY, points = 2, name = "five sleeping workers overlap")
 *   void fiveSleepingWorkersOverlap(Random random) { ... }
 * }
 * }</pre>
 *
 * <p>A {@link java.util.Random} parameter comes from the run's seed, as with {@link Seeded}. The
 * class needs {@link Checks}: JUnit takes display names from the class, so without it the check
 * fails with a message that says so. A timeout other than the exercise's {@code
 * test-timeout-seconds} is JUnit's own {@code @Timeout}, on the method or on the class. {@link
 * Grade#of(java.lang.reflect.Method)} reads the goal and points of this annotation and of {@link
 * Graded} alike.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ExtendWith(SeedExtension.class)
@ExtendWith(CheckExtension.class)
public @interface Check {
  Goal goal();

  double points();

  /** The check's name in every report, a short sentence without a final period. */
  String name();
}
