package forklab.api;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The goal and points of a check, as its {@link Check}, {@link CourseCheck} or {@link Graded}
 * annotation declares them.
 *
 * @param goal the id of the goal the check judges: one of {@link Goal}'s, or one the course
 *     declares
 * @param points what the check is worth
 */
public record Grade(String goal, double points) {

  public Grade(Goal goal, double points) {
    this(goal.id(), points);
  }

  /**
   * The grade of check method {@code method}: its {@link Check} or {@link CourseCheck}, else its
   * {@link Graded} (also as a meta-annotation), else the {@link Graded} of its class; empty when
   * none applies.
   *
   * @throws IllegalStateException when the method carries more than one of them
   */
  public static Optional<Grade> of(Method method) {
    Optional<Check> check = AnnotationSupport.findAnnotation(method, Check.class);
    Optional<CourseCheck> courseCheck = AnnotationSupport.findAnnotation(method, CourseCheck.class);
    Optional<Graded> graded = AnnotationSupport.findAnnotation(method, Graded.class);
    if (Stream.of(check, courseCheck, graded).filter(Optional::isPresent).count() > 1) {
      throw new IllegalStateException(
          method
              + " has more than one of @Check, @CourseCheck and @Graded: keep one, so that its"
              + " points are not ambiguous");
    }
    if (check.isPresent()) {
      return Optional.of(new Grade(check.get().goal(), check.get().points()));
    }
    if (courseCheck.isPresent()) {
      return Optional.of(new Grade(courseCheck.get().goal(), courseCheck.get().points()));
    }
    return graded
        .or(() -> AnnotationSupport.findAnnotation(method.getDeclaringClass(), Graded.class))
        .map(found -> new Grade(found.goal(), found.points()));
  }

  /** The name a {@link Check} or {@link CourseCheck} gives {@code method}, if it has one. */
  static Optional<String> declaredName(Method method) {
    Check check = method.getAnnotation(Check.class);
    if (check != null) {
      return Optional.of(check.name());
    }
    return Optional.ofNullable(method.getAnnotation(CourseCheck.class)).map(CourseCheck::name);
  }
}
