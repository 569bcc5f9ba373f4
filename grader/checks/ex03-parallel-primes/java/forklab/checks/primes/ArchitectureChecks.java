package forklab.checks.primes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.BaseStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.Timeout;

/** The architecture goal: real threads, and neither parallel streams nor child processes. */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ArchitectureChecks {
  private static final String PACKAGE = "forklab.primes";

  /** JDK types through which a program starts threads of its own. */
  private static final Set<String> THREAD_TYPES =
      Set.of(
          "java.lang.Thread",
          "java.lang.Thread$Builder",
          "java.lang.Thread$Builder$OfPlatform",
          "java.lang.Thread$Builder$OfVirtual",
          "java.util.concurrent.ThreadFactory",
          "java.util.concurrent.Executor",
          "java.util.concurrent.ExecutorService",
          "java.util.concurrent.Executors",
          "java.util.concurrent.ThreadPoolExecutor",
          "java.util.concurrent.ForkJoinPool",
          "java.util.concurrent.ForkJoinTask",
          "java.util.concurrent.RecursiveTask",
          "java.util.concurrent.RecursiveAction",
          "java.util.concurrent.CountedCompleter",
          "java.util.concurrent.CompletableFuture",
          "java.util.concurrent.StructuredTaskScope");

  private static final Set<String> STREAM_TYPES =
      Set.of(
          "java.util.stream.BaseStream",
          "java.util.stream.Stream",
          "java.util.stream.IntStream",
          "java.util.stream.LongStream",
          "java.util.stream.DoubleStream");

  private static JavaClasses submission() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(PACKAGE);
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name = "the work runs on threads: Thread, an ExecutorService or the fork/join pool")
  void usesThreads() {
    JavaClasses classes = submission();
    Set<String> used = new TreeSet<>();
    for (JavaClass javaClass : classes) {
      for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass();
        if (isThreadType(target)) {
          used.add(target.getName());
        }
      }
    }
    Feedback.of("the classes of " + PACKAGE + " start no threads of their own")
        .measured(
            "no use of Thread, Thread.Builder, an ExecutorService, Executors, ForkJoinPool or"
                + " ForkJoinTask in "
                + classes.size()
                + " class(es)")
        .required("countParallel hands its work to threads it starts (or to a pool it creates)")
        .tryNext(
            "create the threads yourself, e.g. Thread.ofPlatform().start(task) for each of the"
                + " `threads` workers, then join them all; or use"
                + " Executors.newFixedThreadPool(threads) and shut it down")
        .failUnless(!used.isEmpty());
  }

  @Test
  @Check(goal = Goal.ARCHITECTURE, points = 1, name = "no parallel streams")
  @Gated(CountParallelWorks.class)
  void noParallelStreams() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage(PACKAGE + "..")
            .should()
            .callMethodWhere(
                call(
                    "parallel() on a stream",
                    c -> c.getName().equals("parallel") && isStream(c.getOwner())))
            .orShould()
            .callMethodWhere(
                call(
                    "parallelStream() on a collection",
                    c ->
                        c.getName().equals("parallelStream")
                            && c.getOwner().isAssignableTo(Collection.class)))
            .because("this exercise is about threads you start and balance yourself");
    judge(
        rule,
        "the classes of " + PACKAGE + " use a parallel stream",
        "no call of BaseStream.parallel() or Collection.parallelStream() in " + PACKAGE,
        "replace the stream with threads you start yourself: the point of the exercise is to see"
            + " how the work is split, which a parallel stream hides");
  }

  @Test
  @Check(goal = Goal.ARCHITECTURE, points = 1, name = "no child processes")
  @Gated(CountParallelWorks.class)
  void noChildProcesses() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage(PACKAGE + "..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(ProcessBuilder.class, Process.class, ProcessHandle.class)
            .orShould()
            .callMethodWhere(
                call(
                    "Runtime.exec(..)",
                    c -> c.getName().equals("exec") && c.getOwner().isEquivalentTo(Runtime.class)))
            .because("this exercise shares one process's memory between threads");
    judge(
        rule,
        "the classes of " + PACKAGE + " start child processes",
        "no use of ProcessBuilder, Process, ProcessHandle or Runtime.exec in " + PACKAGE,
        "count in threads of this one process; processes come in a later exercise (ex05-pipes)");
  }

  private static boolean isThreadType(JavaClass type) {
    return THREAD_TYPES.contains(type.getName())
        || type.isAssignableTo(Thread.class)
        || type.isAssignableTo(Executor.class)
        || type.isAssignableTo(ForkJoinTask.class);
  }

  private static boolean isStream(JavaClass owner) {
    return STREAM_TYPES.contains(owner.getName()) || owner.isAssignableTo(BaseStream.class);
  }

  private static DescribedPredicate<JavaMethodCall> call(
      String description, java.util.function.Predicate<AccessTarget.MethodCallTarget> test) {
    return DescribedPredicate.describe(description, c -> test.test(c.getTarget()));
  }

  private static void judge(ArchRule rule, String what, String required, String advice) {
    EvaluationResult result = rule.evaluate(submission());
    List<String> violations = result.getFailureReport().getDetails();
    Feedback feedback = Feedback.of(what);
    int shown = 0;
    for (String violation : violations) {
      if (shown++ == 5) {
        feedback.line("and", (violations.size() - 5) + " more");
        break;
      }
      feedback.measured(violation);
    }
    feedback.required(required).tryNext(advice).failUnless(!result.hasViolation());
  }
}
