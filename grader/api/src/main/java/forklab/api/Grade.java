package forklab.api;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The goal and points of a check, as its {@link Check} or {@link Graded} annotation declares them.
 *
 * @param goal the goal the check judges
 * @param points what the check is worth
 */
public record Grade(Goal goal, double points) {

  /**
   * The grade of check method {@code method}: its {@link Check}, else its {@link Graded} (also as a
   * meta-annotation), else the {@link Graded} of its class; empty when none applies.
   *
   * @throws IllegalStateException when the method carries both {@link Check} and {@link Graded}
   */
  public static Optional<Grade> of(Method method) {
    Optional<Check> check = AnnotationSupport.findAnnotation(method, Check.class);
    Optional<Graded> graded = AnnotationSupport.findAnnotation(method, Graded.class);
    if (check.isPresent() && graded.isPresent()) {
      throw new IllegalStateException(
          method + " has both @Check and @Graded: keep one, so that its points are not ambiguous");
    }
    if (check.isPresent()) {
      return Optional.of(new Grade(check.get().goal(), check.get().points()));
    }
    return graded
        .or(() -> AnnotationSupport.findAnnotation(method.getDeclaringClass(), Graded.class))
        .map(found -> new Grade(found.goal(), found.points()));
  }
}
