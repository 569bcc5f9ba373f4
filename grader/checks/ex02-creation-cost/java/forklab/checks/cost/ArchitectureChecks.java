package forklab.checks.cost;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the submission creates what it measures: real processes, and platform threads only. */
@Checks
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ArchitectureChecks {
  private static final String PACKAGE = "forklab.cost";
  private static JavaClasses classes;

  @BeforeAll
  static void importSubmission() {
    // No path-based import options: where the submission's classes lie differs between Maven and
    // the grader. Test classes in the package (the public tests) are left out by name instead.
    classes =
        new ClassFileImporter()
            .importPackages(PACKAGE)
            .that(DescribedPredicate.describe("not a test", ArchitectureChecks::notATest));
  }

  @BeforeEach
  void submissionFound() {
    Feedback.of("the classes of " + PACKAGE + " must be on the class path")
        .measured("found " + names(classes))
        .required("at least " + PACKAGE + ".CreationCost")
        .tryNext("keep CreationCost in package " + PACKAGE + " (folder src/main/java/forklab/cost)")
        .failUnless(classes.contain(PACKAGE + ".CreationCost"));
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name = "processNanos starts its children with ProcessBuilder or Runtime.exec")
  void startsRealProcesses() {
    List<String> launches =
        classes.stream()
            .flatMap(javaClass -> javaClass.getMethodCallsFromSelf().stream())
            .filter(ArchitectureChecks::launchesAProcess)
            .map(ArchitectureChecks::describe)
            .toList();
    Feedback.of("the classes of " + PACKAGE + " must start child processes themselves")
        .measured(
            launches.isEmpty()
                ? "no call of ProcessBuilder.start(), ProcessBuilder.startPipeline() or"
                    + " Runtime.exec() in "
                    + names(classes)
                : String.join("; ", launches))
        .required("at least one such call")
        .tryNext(
            "start each sample's child with new ProcessBuilder(\"true\").start() and wait for it"
                + " with waitFor()")
        .failUnless(!launches.isEmpty());
  }

  @Test
  @Check(goal = Goal.ARCHITECTURE, points = 1, name = "no virtual threads")
  @Gated({ThreadNanosWorks.class, ThreadPerTaskWorks.class})
  void noVirtualThreads() {
    List<String> uses =
        classes.stream()
            .flatMap(javaClass -> javaClass.getAccessesFromSelf().stream())
            .filter(ArchitectureChecks::makesAVirtualThread)
            .map(ArchitectureChecks::describe)
            .toList();
    Feedback.of("the classes of " + PACKAGE + " make virtual threads")
        .measured(String.join("; ", uses.subList(0, Math.min(5, uses.size()))))
        .required(
            "no Thread.ofVirtual(), Thread.startVirtualThread(...) or"
                + " Executors.newVirtualThreadPerTaskExecutor()")
        .tryNext(
            "use platform threads: new Thread(...) or Thread.ofPlatform(). A virtual thread runs on"
                + " a few carrier threads the JVM keeps, so creating one costs a fraction of what"
                + " this exercise measures")
        .failUnless(uses.isEmpty());
  }

  private static boolean launchesAProcess(JavaMethodCall call) {
    JavaClass owner = call.getTarget().getOwner();
    String name = call.getName();
    return owner.isEquivalentTo(ProcessBuilder.class)
            && Set.of("start", "startPipeline").contains(name)
        || owner.isAssignableTo(Runtime.class) && name.equals("exec");
  }

  /**
   * Thread.ofVirtual(), Thread.startVirtualThread(), any Thread.Builder.OfVirtual, the executor.
   */
  private static boolean makesAVirtualThread(JavaAccess<?> access) {
    JavaClass owner = access.getTarget().getOwner();
    String name = access.getName();
    return owner.isEquivalentTo(Thread.class)
            && Set.of("ofVirtual", "startVirtualThread").contains(name)
        || owner.isAssignableTo(Thread.Builder.OfVirtual.class)
        || owner.isEquivalentTo(Executors.class) && name.equals("newVirtualThreadPerTaskExecutor");
  }

  private static String describe(JavaAccess<?> access) {
    return access.getOrigin().getFullName()
        + " calls "
        + access.getTarget().getOwner().getSimpleName()
        + "."
        + access.getName();
  }

  private static boolean notATest(JavaClass javaClass) {
    String fullName = javaClass.getName();
    int nested = fullName.indexOf('$');
    String name = nested < 0 ? fullName : fullName.substring(0, nested);
    return !name.endsWith("Test") && !name.endsWith("Tests") && !name.endsWith("Checks");
  }

  private static String names(JavaClasses classes) {
    return classes.stream().map(JavaClass::getSimpleName).sorted().toList().toString();
  }
}
