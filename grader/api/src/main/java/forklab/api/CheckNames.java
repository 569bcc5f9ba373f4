package forklab.api;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names a {@link Check} method after {@link Check#name()} or {@link CourseCheck#name()}; other
 * methods as JUnit does.
 */
final class CheckNames extends DisplayNameGenerator.Standard {
  @Override
  public String generateDisplayNameForMethod(
      List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
    return Grade.declaredName(testMethod)
        .orElseGet(
            () ->
                super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod));
  }
}
