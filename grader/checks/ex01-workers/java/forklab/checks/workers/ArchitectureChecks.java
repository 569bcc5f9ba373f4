package forklab.checks.workers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.BaseStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the workers are started: real child processes, and threads without parallel streams. */
@Checks
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ArchitectureChecks {
  private static final String PACKAGE = "forklab.workers";
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
        .required("at least " + PACKAGE + ".Workers")
        .tryNext("keep Workers, WorkerReport and WorkerMain in package " + PACKAGE + " (folder src/main/java/forklab/workers)")
        .failUnless(classes.contain(PACKAGE + ".Workers"));
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name = "inProcesses starts its children with ProcessBuilder or Runtime.exec")
  void startsRealProcesses() {
    List<String> launches =
        classes.stream()
            .flatMap(javaClass -> javaClass.getMethodCallsFromSelf().stream())
            .filter(ArchitectureChecks::launchesAProcess)
            .map(call -> call.getOrigin().getFullName() + " calls " + call.getTarget().getOwner().getSimpleName() + "." + call.getName())
            .toList();
    Feedback.of("the classes of " + PACKAGE + " must start child processes themselves")
        .measured(launches.isEmpty() ? "no call of ProcessBuilder.start(), ProcessBuilder.startPipeline() or Runtime.exec() in " + names(classes) : String.join("; ", launches))
        .required("at least one such call")
        .tryNext("build each child with new ProcessBuilder(java, \"-cp\", classPath, \"forklab.workers.WorkerMain\", ...) and call start()")
        .failUnless(!launches.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name =
          "inThreads creates threads of its own, and no class of forklab.workers uses parallel "
              + "streams")
  void ownThreadsNoParallelStreams() {
    List<String> creations =
        classes.stream()
            .flatMap(javaClass -> javaClass.getAccessesFromSelf().stream())
            .filter(ArchitectureChecks::createsAThread)
            .map(access -> access.getOrigin().getFullName() + " calls " + access.getTarget().getOwner().getSimpleName() + "." + access.getName())
            .toList();
    Feedback.of("the classes of " + PACKAGE + " must create the worker threads themselves")
        .measured(creations.isEmpty() ? "no new Thread(...), Thread.ofPlatform() or Thread.start() in " + names(classes) : creations.size() + " such calls")
        .required("at least one")
        .tryNext("create one Thread per index: new Thread(() -> ...) or Thread.ofPlatform().unstarted(() -> ...), then start() it")
        .failUnless(!creations.isEmpty());

    ArchRule rule =
        noClasses()
            .should()
            .callMethodWhere(
                DescribedPredicate.describe(
                    "a parallel stream is made",
                    (JavaMethodCall call) ->
                        call.getName().equals("parallelStream")
                            && call.getTarget().getOwner().isAssignableTo(Collection.class)
                            || call.getName().equals("parallel")
                                && call.getTarget().getOwner().isAssignableTo(BaseStream.class)))
            .allowEmptyShould(true);
    EvaluationResult result = rule.evaluate(classes);
    Feedback.of("the workers must run on threads you create, not on a parallel stream")
        .measured(result.hasViolation() ? String.join("; ", result.getFailureReport().getDetails()) : "none")
        .required("no call of parallelStream() or parallel()")
        .tryNext("create one Thread per index and start them all; a parallel stream shares a few pool threads and runs workers in turns")
        .failUnless(!result.hasViolation());
  }

  /** new Thread(...) (or of a subclass), Thread.start(), or any use of a Thread.Builder. */
  private static boolean createsAThread(JavaAccess<?> access) {
    JavaClass owner = access.getTarget().getOwner();
    if (access instanceof JavaConstructorCall) {
      return owner.isAssignableTo(Thread.class);
    }
    if (!(access instanceof JavaMethodCall)) {
      return false;
    }
    String name = access.getName();
    return owner.isAssignableTo(Thread.class) && Set.of("start", "ofPlatform").contains(name)
        || owner.isAssignableTo(Thread.Builder.class);
  }

  private static boolean launchesAProcess(JavaMethodCall call) {
    JavaClass owner = call.getTarget().getOwner();
    String name = call.getName();
    return owner.isEquivalentTo(ProcessBuilder.class) && Set.of("start", "startPipeline").contains(name)
        || owner.isAssignableTo(Runtime.class) && name.equals("exec");
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
