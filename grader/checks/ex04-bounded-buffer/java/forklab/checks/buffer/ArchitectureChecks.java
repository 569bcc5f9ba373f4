package forklab.checks.buffer;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Built from a lock and conditions (or a monitor), not from the JDK's ready-made queues. */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ArchitectureChecks {
  private static final String PACKAGE = "forklab.buffer";

  /** What java.util.concurrent itself may lend: time units, and its timeout exception. */
  private static final Set<String> ALLOWED_CONCURRENT =
      Set.of("java.util.concurrent.TimeUnit", "java.util.concurrent.TimeoutException");

  private static JavaClasses submission() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(PACKAGE);
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name = "threads wait on a Condition of a ReentrantLock, or with wait() in synchronized code")
  @Gated(BufferWorks.class)
  void waitsOnAConditionOrAMonitor() {
    Set<String> waits = new TreeSet<>();
    Set<String> wakes = new TreeSet<>();
    for (JavaClass javaClass : submission()) {
      for (JavaMethodCall call : javaClass.getMethodCallsFromSelf()) {
        String owner = call.getTarget().getOwner().getName();
        String name = call.getTarget().getName();
        boolean condition = owner.equals("java.util.concurrent.locks.Condition");
        boolean monitor = owner.equals("java.lang.Object");
        if ((condition && name.startsWith("await")) || (monitor && name.equals("wait"))) {
          waits.add(simple(owner) + "." + name + "()");
        }
        if ((condition && name.startsWith("signal")) || (monitor && name.startsWith("notify"))) {
          wakes.add(simple(owner) + "." + name + "()");
        }
      }
    }
    Feedback.of("the classes of " + PACKAGE + " must wait and wake threads themselves")
        .measured("waits: " + (waits.isEmpty() ? "none" : waits) + "; wake-ups: " + (wakes.isEmpty() ? "none" : wakes))
        .required("Condition.await and signal/signalAll (with a ReentrantLock), or wait and notifyAll (in synchronized code)")
        .tryNext(
            "create private final ReentrantLock lock = new ReentrantLock(); with two conditions,"
                + " notFull and notEmpty = lock.newCondition(); wait with await() and wake with"
                + " signal()")
        .failUnless(!waits.isEmpty() && !wakes.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name = "no java.util.concurrent queues, semaphores or collections")
  @Gated(BufferWorks.class)
  void noReadyMadeConcurrency() {
    Set<String> used = new TreeSet<>();
    for (JavaClass javaClass : submission()) {
      for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass();
        while (target.getEnclosingClass().isPresent()) {
          target = target.getEnclosingClass().get();
        }
        if (target.getPackageName().equals("java.util.concurrent")
            && !ALLOWED_CONCURRENT.contains(target.getName())) {
          used.add(target.getSimpleName());
        }
      }
    }
    Feedback.of("the classes of " + PACKAGE + " use java.util.concurrent's ready-made tools")
        .measured("uses " + used)
        .required(
            "none of java.util.concurrent but TimeUnit (java.util.concurrent.locks and .atomic are"
                + " allowed)")
        .tryNext(
            "keep the items in an Object[] ring of your own and guard it with a ReentrantLock and"
                + " two Conditions: building that is the exercise")
        .failUnless(used.isEmpty());
  }

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
