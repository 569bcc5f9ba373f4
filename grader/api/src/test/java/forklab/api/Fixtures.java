package forklab.api;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes through the JUnit Platform in this JVM, as the runner does. */
final class Fixtures {
  private Fixtures() {}

  static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture))
        .configurationParameter("forklab.seed", "42")
        .execute();
  }

  /** What each failed check threw, in the order the checks ran. */
  static List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream().map(Fixtures::thrown).toList();
  }

  /** The display names of the checks that started. */
  static List<String> names(EngineExecutionResults results) {
    return results.testEvents().started().stream()
        .map(event -> event.getTestDescriptor().getDisplayName())
        .toList();
  }

  private static Throwable thrown(Event event) {
    return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }
}
