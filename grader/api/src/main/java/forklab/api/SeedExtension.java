package forklab.api;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Resolves {@link Random} parameters from the run's seed and names the seed on failure. The seed is
 * the JUnit configuration parameter {@value #PROPERTY}: the Forklab runner sets it explicitly and
 * turns off implicit parameters, so a system property the submission sets changes nothing; under
 * Maven, {@code -Dforklab.seed=N} reaches it as an implicit parameter.
 */
final class SeedExtension implements ParameterResolver, TestExecutionExceptionHandler {
  static final String PROPERTY = "forklab.seed";
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SeedExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Random.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return new Random(seed(context));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    if (thrown instanceof TestAbortedException
        || thrown instanceof GateExtension.NotMeasured
        || !usedSeed(context)) {
      throw thrown;
    }
    String note =
        "random inputs came from seed "
            + seed(context)
            + " (replay with ./forklab grade ... --seed "
            + seed(context)
            + ", or -D"
            + PROPERTY
            + "="
            + seed(context)
            + " under Maven)";
    thrown.addSuppressed(new ReplayNote(note));
    throw thrown;
  }

  private static boolean usedSeed(ExtensionContext context) {
    return context.getTestMethod().stream()
        .flatMap(method -> Arrays.stream(method.getParameterTypes()))
        .anyMatch(type -> type == Random.class);
  }

  private static long seed(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent("seed", key -> initialSeed(context), Long.class);
  }

  private static long initialSeed(ExtensionContext context) {
    return context
        .getConfigurationParameter(PROPERTY)
        .filter(configured -> !configured.isBlank())
        .map(configured -> Long.parseLong(configured.trim()))
        .orElseGet(() -> new Random().nextLong() & Long.MAX_VALUE);
  }
}
