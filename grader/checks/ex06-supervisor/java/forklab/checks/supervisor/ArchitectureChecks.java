package forklab.checks.supervisor;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The supervisor's own code (its constructor, runAll, and the code of the package they reach)
 * starts processes with ProcessBuilder and never runs a task itself: no call of Task.run, of a main
 * method, or of the given InThreadRunner. The child's main is where a task runs.
 */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ArchitectureChecks {
  private static final String PACKAGE = "forklab.supervisor";
  private static final String SUPERVISOR = PACKAGE + ".Supervisor";
  private static final String TASK = PACKAGE + ".Task";
  private static final String IN_THREAD_RUNNER = PACKAGE + ".InThreadRunner";

  private static JavaClasses classes;

  /** The code the supervisor runs in its own JVM. */
  private static Set<JavaCodeUnit> supervisorCode;

  @BeforeAll
  static void importSubmission() {
    classes =
        new ClassFileImporter()
            .importPackages(PACKAGE)
            .that(DescribedPredicate.describe("not a test", ArchitectureChecks::notATest));
    supervisorCode = classes.contain(SUPERVISOR) ? reachableFromSupervisor() : Set.of();
  }

  @BeforeEach
  void submissionFound() {
    Feedback.of("the classes of " + PACKAGE + " must be on the class path")
        .measured("found " + classes.stream().map(JavaClass::getSimpleName).sorted().toList())
        .required("at least " + SUPERVISOR)
        .tryNext("keep Supervisor and your child's main class in package " + PACKAGE)
        .failUnless(classes.contain(SUPERVISOR));
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name = "Supervisor starts each task's JVM with ProcessBuilder")
  void startsProcesses() {
    List<String> starts = processStarts();
    Feedback.of("the supervisor must start its child JVMs itself, with ProcessBuilder")
        .measured(
            starts.isEmpty()
                ? "no call of ProcessBuilder.start() in Supervisor's constructor, runAll, or the"
                    + " code of "
                    + PACKAGE
                    + " they reach"
                : Runs.shorten(starts, 3))
        .required("a call of ProcessBuilder.start() reached from Supervisor.runAll")
        .tryNext(
            "in runAll (or a method it calls), for each task: new ProcessBuilder(java, \"-Xmx\" +"
                + " maxHeapMb + \"m\", \"-cp\", System.getProperty(\"java.class.path\"),"
                + " \"forklab.supervisor.TaskMain\", task.getName()).start()")
        .failUnless(!starts.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name = "the supervisor never runs a task in its own JVM: Task.run is called only in the child")
  void neverRunsATask() {
    List<String> starts = processStarts();
    List<String> runs =
        calls(
            supervisorCode,
            target ->
                (target.getOwner().isAssignableTo(TASK) && target.getName().equals("run"))
                    || target.getOwner().getName().equals(IN_THREAD_RUNNER)
                    || (target.getOwner().getPackageName().equals(PACKAGE)
                        && target.getName().equals("main")));
    Feedback.of(
            "the supervisor must not run a task in its own JVM: a task's System.exit, heap"
                + " exhaustion or endless loop would be the supervisor's")
        .measured(
            !runs.isEmpty()
                ? Runs.shorten(runs, 3)
                : starts.isEmpty()
                    ? "Supervisor's code starts no process, so the tasks cannot run anywhere else"
                    : "no call of Task.run, of a main method or of InThreadRunner in Supervisor's"
                        + " code")
        .required(
            "Task.run called only in the child's main (code that Supervisor's constructor and"
                + " runAll do not reach)")
        .tryNext(
            "create and run the task in the child: TaskMain.main does Class.forName(args[0])"
                + ".asSubclass(Task.class).getConstructor().newInstance().run(input); the"
                + " supervisor only passes the class's name on the command line")
        .failUnless(runs.isEmpty() && !starts.isEmpty());
  }

  private static List<String> processStarts() {
    return calls(
        supervisorCode,
        target ->
            target.getOwner().isAssignableTo(ProcessBuilder.class)
                && target.getName().equals("start"));
  }

  /**
   * Supervisor's members but static main methods, and the code of the package they reach: methods
   * and constructors called or referred to, the lambdas in them, and every member but main of a
   * class they construct.
   */
  private static Set<JavaCodeUnit> reachableFromSupervisor() {
    Set<JavaCodeUnit> reached = new LinkedHashSet<>();
    Deque<JavaCodeUnit> queue = new ArrayDeque<>();
    for (JavaCodeUnit unit : classes.get(SUPERVISOR).getCodeUnits()) {
      if (!isMain(unit)) {
        queue.add(unit);
      }
    }
    while (!queue.isEmpty()) {
      JavaCodeUnit unit = queue.poll();
      if (!reached.add(unit)) {
        continue;
      }
      // javac compiles a lambda in method m to a synthetic lambda$m$N of the same class.
      for (JavaCodeUnit sibling : unit.getOwner().getCodeUnits()) {
        if (sibling.getName().startsWith("lambda$" + unit.getName() + "$")) {
          queue.add(sibling);
        }
      }
      for (AccessTarget.CodeUnitAccessTarget target : targets(unit)) {
        JavaClass owner = target.getOwner();
        if (!classes.contain(owner.getName())) {
          continue;
        }
        target.resolveMember().ifPresent(queue::add);
        if (target.getName().equals(JavaConstructor.CONSTRUCTOR_NAME)) {
          for (JavaCodeUnit member : classes.get(owner.getName()).getCodeUnits()) {
            if (!isMain(member)) {
              queue.add(member);
            }
          }
        }
      }
    }
    return reached;
  }

  private static List<AccessTarget.CodeUnitAccessTarget> targets(JavaCodeUnit unit) {
    List<AccessTarget.CodeUnitAccessTarget> targets = new ArrayList<>();
    unit.getMethodCallsFromSelf().forEach(call -> targets.add(call.getTarget()));
    unit.getConstructorCallsFromSelf().forEach(call -> targets.add(call.getTarget()));
    unit.getMethodReferencesFromSelf().forEach(ref -> targets.add(ref.getTarget()));
    unit.getConstructorReferencesFromSelf().forEach(ref -> targets.add(ref.getTarget()));
    return targets;
  }

  private static List<String> calls(
      Set<JavaCodeUnit> units,
      java.util.function.Predicate<AccessTarget.CodeUnitAccessTarget> which) {
    List<String> found = new ArrayList<>();
    for (JavaCodeUnit unit : units) {
      for (AccessTarget.CodeUnitAccessTarget target : targets(unit)) {
        if (which.test(target)) {
          found.add(
              unit.getOwner().getSimpleName()
                  + "."
                  + unit.getName()
                  + " calls "
                  + target.getOwner().getSimpleName()
                  + "."
                  + target.getName());
        }
      }
    }
    return found.stream().distinct().toList();
  }

  private static boolean isMain(JavaCodeUnit unit) {
    return unit instanceof JavaMethod method
        && method.getName().equals("main")
        && method.getModifiers().contains(JavaModifier.STATIC)
        && method.getRawParameterTypes().size() == 1
        && method.getRawParameterTypes().get(0).getName().equals(String[].class.getName());
  }

  private static boolean notATest(JavaClass javaClass) {
    String fullName = javaClass.getName();
    int nested = fullName.indexOf('$');
    String name = nested < 0 ? fullName : fullName.substring(0, nested);
    return !name.endsWith("Test") && !name.endsWith("Tests") && !name.endsWith("Checks");
  }
}
