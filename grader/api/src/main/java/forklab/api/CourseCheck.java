package forklab.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link Check} of a goal that the course declares itself, in {@code grader/course.yaml}, rather
 * than one of {@link Goal}'s: a course adds a goal kind without a new Forklab.
 *
 * <pre>{@code
 * @Test
 * @CourseCheck(goal = "fairness", points = 2, name = "every worker gets a turn within 50 ms")
 * void everyWorkerGetsATurn() { ... }
 * }</pre>
 *
 * <p>Everything else is as for {@link Check}; a goal the course does not declare stops the course
 * from building, with the goals it knows.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ExtendWith(SeedExtension.class)
@ExtendWith(CheckExtension.class)
public @interface CourseCheck {
  /** The goal's id as {@code grader/course.yaml} declares it, for example {@code fairness}. */
  String goal();

  double points();

  /** The check's name in every report, a short sentence without a final period. */
  String name();
}
