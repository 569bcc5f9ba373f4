package forklab.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the points a check is worth and the goal it judges.
 *
 * <pre>{@code
 * @Test
 * @DisplayName("five sleeping workers overlap in threads")
 * @Graded(goal = Goal.CONCURRENCY, points = 2)
 * void threadsOverlap() { ... }
 * }</pre>
 *
 * <p>A parameterized or repeated method is one check: it earns its points only when every
 * invocation passes. On a class, it sets the default for methods that carry no annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Graded {
  Goal goal();

  double points();
}
