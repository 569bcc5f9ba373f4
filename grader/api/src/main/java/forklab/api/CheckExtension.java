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
    String name = Grade.declaredName(context.getRequiredTestMethod()).orElse(null);
    if (name == null || named(context, name)) {
      return;
    }
    throw new IllegalStateException(
        "@Check(name = \""
            + name
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
