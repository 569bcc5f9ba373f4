package forklab.api;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a {@link Check} whose class lacks {@link Checks}: its report would carry the method's name
 * instead of the check's.
 */
final class CheckExtension implements BeforeEachCallback {
  @Override
  public void beforeEach(ExtensionContext context) {
    Check check = context.getRequiredTestMethod().getAnnotation(Check.class);
    if (check == null || named(context, check.name())) {
      return;
    }
    throw new IllegalStateException(
        "@Check(name = \""
            + check.name()
            + "\") needs @forklab.api.Checks on "
            + context.getRequiredTestClass().getName()
            + ": JUnit takes display names from the class");
  }

  /** Whether this context or its parent (a parameterized check's template) has the name. */
  private static boolean named(ExtensionContext context, String name) {
    return context.getDisplayName().equals(name)
        || context.getParent().map(parent -> parent.getDisplayName().equals(name)).orElse(false);
  }
}
