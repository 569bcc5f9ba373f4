package forklab.checks.pipes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import java.io.File;
import java.io.FileDescriptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The structure of a pool over pipes: the parent starts processes with ProcessBuilder and talks to
 * them through the Process's streams (not files); PipeWorker.main serves its stdin to its stdout;
 * and the parent never runs PipeWorker's code itself.
 */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ArchitectureChecks {
  private static final String PACKAGE = "forklab.pipes";
  private static final String WORKER = PACKAGE + ".PipeWorker";

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
        .measured("found " + names())
        .required("at least " + PACKAGE + ".ProcessPool and " + WORKER)
        .tryNext("keep ProcessPool and PipeWorker in package " + PACKAGE + " (folder src/main/java/forklab/pipes)")
        .failUnless(classes.contain(PACKAGE + ".ProcessPool") && classes.contain(WORKER));
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name =
          "the pool starts its workers with ProcessBuilder and talks to them through the Process's"
              + " pipes, not files")
  void processesAndPipes() {
    Set<JavaCodeUnit> parent = parentCode();
    List<String> starts =
        calls(parent, call -> owner(call, ProcessBuilder.class) && call.getName().startsWith("start"));
    List<String> toChild =
        calls(
            parent,
            call ->
                owner(call, Process.class)
                    && (call.getName().equals("getOutputStream")
                        || call.getName().equals("outputWriter")));
    List<String> fromChild =
        calls(
            parent,
            call ->
                owner(call, Process.class)
                    && (call.getName().equals("getInputStream")
                        || call.getName().equals("inputReader")));
    List<String> files =
        calls(
            parent,
            call ->
                (owner(call, ProcessBuilder.class)
                        && (call.getName().equals("redirectOutput")
                            || call.getName().equals("redirectInput"))
                        && takesFile(call))
                    || (owner(call, ProcessBuilder.Redirect.class)
                        && (call.getName().equals("to")
                            || call.getName().equals("from")
                            || call.getName().equals("appendTo"))));
    List<String> missing = new ArrayList<>();
    if (starts.isEmpty()) {
      missing.add("no call of ProcessBuilder.start");
    }
    if (toChild.isEmpty()) {
      missing.add("no Process.getOutputStream (or outputWriter): nothing is written to a worker's stdin");
    }
    if (fromChild.isEmpty()) {
      missing.add("no Process.getInputStream (or inputReader): nothing is read from a worker's stdout");
    }
    if (!files.isEmpty()) {
      missing.add("a worker's stdin or stdout redirected to a file: " + Pools.shorten(files, 2));
    }
    Feedback.of(
            "the pool must start its workers with ProcessBuilder and exchange inputs and answers"
                + " over their pipes")
        .measured(
            missing.isEmpty()
                ? "as required"
                : String.join("; ", missing)
                    + (starts.isEmpty() ? "" : " (found: " + Pools.shorten(starts, 2) + ")"))
        .required(
            "in ProcessPool's code: ProcessBuilder.start, Process.getOutputStream (the worker's"
                + " stdin) and Process.getInputStream (its stdout), and no redirection of either"
                + " to a file")
        .tryNext(
            "Process p = new ProcessBuilder(java, \"-cp\", classPath, \""
                + WORKER
                + "\").start(); write inputs to p.getOutputStream() and read answers from"
                + " p.getInputStream(), each wrapped in a buffered writer or reader")
        .failUnless(missing.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name =
          "PipeWorker.main reads its stdin and writes its stdout, and the pool never calls"
              + " PipeWorker's code itself")
  void workerServesItsPipes() {
    JavaClass worker = classes.get(WORKER);
    List<JavaMethod> mains = worker.getMethods().stream().filter(ArchitectureChecks::isMain).toList();
    Set<JavaCodeUnit> childCode = reachable(new ArrayList<>(mains));
    boolean readsStdin = reads(childCode, "in");
    boolean writesStdout = reads(childCode, "out");
    List<String> parentCalls = new ArrayList<>();
    for (JavaCodeUnit unit : parentCode()) {
      for (JavaAccess<?> access : unit.getAccessesFromSelf()) {
        JavaClass target = access.getTargetOwner();
        if (isWorker(target) && !access.getName().equals("class")) {
          parentCalls.add(describe(access));
        }
      }
    }
    List<String> problems = new ArrayList<>();
    if (mains.isEmpty()) {
      problems.add("PipeWorker has no public static void main(String[])");
    } else {
      if (!readsStdin) {
        problems.add("PipeWorker.main (and what it calls) never reads System.in");
      }
      if (!writesStdout) {
        problems.add("PipeWorker.main (and what it calls) never writes System.out");
      }
    }
    if (!parentCalls.isEmpty()) {
      problems.add("the pool's own code calls PipeWorker: " + Pools.shorten(parentCalls, 3));
    }
    Feedback.of(
            "PipeWorker is the workers' program: its main serves stdin to stdout, and only the"
                + " workers run it")
        .measured(problems.isEmpty() ? "as required" : String.join("; ", problems))
        .required(
            "PipeWorker.main reading System.in and writing System.out, and no call from the pool's"
                + " code into PipeWorker (naming it, PipeWorker.class.getName(), is fine)")
        .tryNext(
            "in PipeWorker.main: read lines from System.in with a BufferedReader, count, print each"
                + " answer to System.out and flush it; the pool only starts \""
                + WORKER
                + "\" and never calls its methods: counting in the parent, on any thread, is not"
                + " the exercise")
        .failUnless(problems.isEmpty());
  }

  /** The code the parent runs: every class of the package but PipeWorker (and its nested ones). */
  private static Set<JavaCodeUnit> parentCode() {
    Set<JavaCodeUnit> parent = new LinkedHashSet<>();
    for (JavaClass javaClass : classes) {
      if (!isWorker(javaClass)) {
        parent.addAll(javaClass.getCodeUnits());
      }
    }
    return parent;
  }

  private static boolean isWorker(JavaClass javaClass) {
    return javaClass.getName().equals(WORKER) || javaClass.getName().startsWith(WORKER + "$");
  }

  /** Whether {@code units} read System.{@code stream} or FileDescriptor.{@code stream}. */
  private static boolean reads(Set<JavaCodeUnit> units, String stream) {
    return units.stream()
        .flatMap(unit -> unit.getFieldAccesses().stream())
        .anyMatch(
            access ->
                access.getName().equals(stream)
                    && (access.getTargetOwner().isEquivalentTo(System.class)
                        || access.getTargetOwner().isEquivalentTo(FileDescriptor.class)));
  }

  /**
   * The given units and the code of the package they reach: methods and constructors they call or
   * refer to, and every member of a class they construct (lambdas and anonymous classes count).
   */
  private static Set<JavaCodeUnit> reachable(List<? extends JavaCodeUnit> roots) {
    Set<JavaCodeUnit> reached = new LinkedHashSet<>();
    Deque<JavaCodeUnit> queue = new ArrayDeque<>(roots);
    while (!queue.isEmpty()) {
      JavaCodeUnit unit = queue.poll();
      if (!reached.add(unit)) {
        continue;
      }
      List<AccessTarget.CodeUnitAccessTarget> targets = new ArrayList<>();
      unit.getMethodCallsFromSelf().forEach(call -> targets.add(call.getTarget()));
      unit.getConstructorCallsFromSelf().forEach(call -> targets.add(call.getTarget()));
      unit.getMethodReferencesFromSelf().forEach(ref -> targets.add(ref.getTarget()));
      unit.getConstructorReferencesFromSelf().forEach(ref -> targets.add(ref.getTarget()));
      for (AccessTarget.CodeUnitAccessTarget target : targets) {
        JavaClass owner = target.getOwner();
        if (!classes.contain(owner.getName())) {
          continue;
        }
        target.resolveMember().ifPresent(queue::add);
        if (target.getName().equals(JavaConstructor.CONSTRUCTOR_NAME)) {
          queue.addAll(classes.get(owner.getName()).getCodeUnits());
        }
      }
      // Lambdas compile to synthetic methods of the same class: count them as reached.
      for (JavaMethod method : unit.getOwner().getMethods()) {
        if (method.getName().startsWith("lambda$" + unit.getName() + "$")) {
          queue.add(method);
        }
      }
    }
    return reached;
  }

  private static boolean isMain(JavaMethod method) {
    return method.getName().equals("main")
        && method.getModifiers().contains(JavaModifier.STATIC)
        && method.getModifiers().contains(JavaModifier.PUBLIC)
        && method.getRawParameterTypes().size() == 1
        && method.getRawParameterTypes().get(0).getName().equals(String[].class.getName());
  }

  private static boolean owner(JavaMethodCall call, Class<?> type) {
    return call.getTarget().getOwner().isAssignableTo(type);
  }

  private static boolean takesFile(JavaMethodCall call) {
    return call.getTarget().getRawParameterTypes().stream()
        .anyMatch(type -> type.isEquivalentTo(File.class));
  }

  private static List<String> calls(Set<JavaCodeUnit> units, Predicate<JavaMethodCall> which) {
    return units.stream()
        .flatMap(unit -> unit.getMethodCallsFromSelf().stream())
        .filter(which)
        .map(ArchitectureChecks::describe)
        .distinct()
        .toList();
  }

  private static String describe(JavaAccess<?> access) {
    return access.getOrigin().getOwner().getSimpleName()
        + "."
        + access.getOrigin().getName()
        + " uses "
        + access.getTargetOwner().getSimpleName()
        + "."
        + access.getName();
  }

  private static boolean notATest(JavaClass javaClass) {
    String fullName = javaClass.getName();
    int nested = fullName.indexOf('$');
    String name = nested < 0 ? fullName : fullName.substring(0, nested);
    return !name.endsWith("Test") && !name.endsWith("Tests") && !name.endsWith("Checks");
  }

  private static String names() {
    return classes.stream().map(JavaClass::getSimpleName).sorted().toList().toString();
  }
}
