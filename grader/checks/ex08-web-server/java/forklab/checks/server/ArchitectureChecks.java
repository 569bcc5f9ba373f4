package forklab.checks.server;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.sun.net.httpserver.HttpServer;
import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The structure of the two servers: requests reach virtual threads through an executor given to
 * the HttpServer, with no pool of platform threads anywhere; the children are started with
 * ProcessBuilder and run a main class of the package.
 */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ArchitectureChecks {
  private static final String PACKAGE = "forklab.server";

  /** The Executors factories of platform-thread pools. */
  private static final List<String> PLATFORM_POOLS =
      List.of(
          "newFixedThreadPool",
          "newCachedThreadPool",
          "newSingleThreadExecutor",
          "newScheduledThreadPool",
          "newSingleThreadScheduledExecutor",
          "newWorkStealingPool");

  private static JavaClasses classes;

  @BeforeAll
  static void importSubmission() {
    // Test classes in the package (the public tests) are left out by name: where the submission's
    // classes lie differs between Maven and the grader.
    classes =
        new ClassFileImporter()
            .importPackages(PACKAGE)
            .that(DescribedPredicate.describe("not a test", ArchitectureChecks::notATest));
  }

  @BeforeEach
  void submissionFound() {
    Feedback.of("the classes of " + PACKAGE + " must be on the class path")
        .measured("found " + classes.stream().map(JavaClass::getSimpleName).sorted().toList())
        .required("at least " + PACKAGE + ".Servers")
        .tryNext("keep your classes in package " + PACKAGE + " (folder src/main/java/forklab/server)")
        .failUnless(classes.contain(PACKAGE + ".Servers"));
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name =
          "requests run on virtual threads: an executor of virtual threads given to"
              + " HttpServer.setExecutor, no platform thread pool")
  void virtualThreadsThroughAnExecutor() {
    List<String> setExecutor =
        calls(call -> call.getTargetOwner().isAssignableTo(HttpServer.class) && call.getName().equals("setExecutor"));
    List<String> virtual =
        calls(
            call ->
                call.getTargetOwner().isEquivalentTo(Executors.class)
                        && (call.getName().equals("newVirtualThreadPerTaskExecutor")
                            || call.getName().equals("newThreadPerTaskExecutor"))
                    || call.getTargetOwner().isEquivalentTo(Thread.class)
                        && call.getName().equals("ofVirtual"));
    List<String> pools =
        calls(
            call ->
                call.getTargetOwner().isEquivalentTo(Executors.class)
                        && PLATFORM_POOLS.contains(call.getName())
                    || call.getName().equals("<init>")
                        && (call.getTargetOwner().isAssignableTo(ThreadPoolExecutor.class)
                            || call.getTargetOwner().isAssignableTo(ForkJoinPool.class)));
    boolean virtualPerTask =
        virtual.stream().anyMatch(call -> call.contains("newVirtualThreadPerTaskExecutor"))
            || virtual.stream().anyMatch(call -> call.contains("newThreadPerTaskExecutor"))
                && virtual.stream().anyMatch(call -> call.contains("ofVirtual"));
    Feedback.of(
            "the server must hand every request to a virtual thread of its own, through an executor")
        .measured(
            (setExecutor.isEmpty() ? "no call of HttpServer.setExecutor" : Texts.shorten(setExecutor, 2))
                + "; "
                + (virtual.isEmpty() ? "no virtual-thread executor" : Texts.shorten(virtual, 2))
                + (pools.isEmpty() ? "" : "; platform thread pools: " + Texts.shorten(pools, 3)))
        .required(
            "HttpServer.setExecutor called with an executor that starts a virtual thread per task"
                + " (Executors.newVirtualThreadPerTaskExecutor(), or newThreadPerTaskExecutor with"
                + " Thread.ofVirtual().factory()), and no pool of platform threads")
        .tryNext(
            "server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()) before"
                + " server.start(); a fixed pool caps how many requests may wait at once")
        .failUnless(!setExecutor.isEmpty() && virtualPerTask && pools.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name = "the children are started with ProcessBuilder and run a main class of forklab.server")
  void childrenFromProcessBuilder() {
    List<String> starts =
        calls(call -> call.getTargetOwner().isEquivalentTo(ProcessBuilder.class) && call.getName().equals("start"));
    List<String> exec =
        calls(call -> call.getTargetOwner().isEquivalentTo(Runtime.class) && call.getName().equals("exec"));
    List<String> mains =
        classes.stream()
            .flatMap(javaClass -> javaClass.getMethods().stream())
            .filter(ArchitectureChecks::isMain)
            .map(method -> method.getOwner().getSimpleName() + ".main")
            .toList();
    Feedback.of(
            "processPerRequest must start its children with ProcessBuilder, running a program of"
                + " your own package")
        .measured(
            (starts.isEmpty() ? "no call of ProcessBuilder.start" : Texts.shorten(starts, 2))
                + "; "
                + (mains.isEmpty() ? "no main method in " + PACKAGE : "main methods: " + mains)
                + (exec.isEmpty() ? "" : "; Runtime.exec: " + Texts.shorten(exec, 2)))
        .required(
            "a call of ProcessBuilder.start, a class of "
                + PACKAGE
                + " with public static void main(String[]) for the children, no Runtime.exec")
        .tryNext(
            "add a class such as ChildMain with a main method that reads the request, answers it"
                + " and ends; start it per request with new ProcessBuilder(java, \"-cp\","
                + " System.getProperty(\"java.class.path\"), \"forklab.server.ChildMain\").start()")
        .failUnless(!starts.isEmpty() && !mains.isEmpty() && exec.isEmpty());
  }

  private static List<String> calls(Predicate<JavaAccess<?>> which) {
    return classes.stream()
        .flatMap(javaClass -> javaClass.getAccessesFromSelf().stream())
        .filter(access -> access instanceof com.tngtech.archunit.core.domain.JavaCall<?>)
        .filter(which)
        .map(ArchitectureChecks::describe)
        .distinct()
        .toList();
  }

  private static boolean isMain(JavaMethod method) {
    return method.getName().equals("main")
        && method.getModifiers().contains(JavaModifier.STATIC)
        && method.getModifiers().contains(JavaModifier.PUBLIC)
        && method.getRawParameterTypes().size() == 1
        && method.getRawParameterTypes().get(0).getName().equals(String[].class.getName());
  }

  private static String describe(JavaAccess<?> access) {
    return access.getOrigin().getOwner().getSimpleName()
        + "."
        + access.getOrigin().getName()
        + " calls "
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
}
