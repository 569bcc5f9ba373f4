package forklab.checks.shm;

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
import java.nio.Buffer;
import java.nio.channels.FileChannel;
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
 * The children share memory for real: the program they run (every main method of the package, and
 * the code it calls there) maps the file with FileChannel.map, reads and writes the count through
 * the buffer, and excludes the other children with FileChannel locks. A lock or a mapping in the
 * parent alone does not count: the parent does not increment.
 */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ArchitectureChecks {
  private static final String PACKAGE = "forklab.shm";

  /** The buffer methods that read or write the count. */
  private static final Set<String> BUFFER_ACCESS =
      Set.of("getLong", "putLong", "get", "put", "getInt", "putInt", "asLongBuffer", "asIntBuffer");

  private static JavaClasses classes;

  /** The code the children run: the main methods and what they call in the package. */
  private static Set<JavaCodeUnit> childCode;

  @BeforeAll
  static void importSubmission() {
    // No path-based import options: where the submission's classes lie differs between Maven and
    // the grader. Test classes in the package (the public tests) are left out by name instead.
    classes =
        new ClassFileImporter()
            .importPackages(PACKAGE)
            .that(DescribedPredicate.describe("not a test", ArchitectureChecks::notATest));
    childCode = reachableFromMain();
  }

  @BeforeEach
  void submissionFound() {
    Feedback.of("the classes of " + PACKAGE + " must be on the class path")
        .measured("found " + names())
        .required("at least " + PACKAGE + ".SharedCounter")
        .tryNext(
            "keep SharedCounter and your children's main class in package "
                + PACKAGE
                + " (folder src/main/java/forklab/shm)")
        .failUnless(classes.contain(PACKAGE + ".SharedCounter"));
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name =
          "the children keep the count in a MappedByteBuffer from FileChannel.map, read and"
              + " written through it")
  void childrenMapTheFile() {
    Predicate<JavaMethodCall> map =
        call -> isFileChannel(call.getTarget().getOwner()) && call.getName().equals("map");
    Predicate<JavaMethodCall> access =
        call ->
            call.getTarget().getOwner().isAssignableTo(Buffer.class)
                && BUFFER_ACCESS.contains(call.getName());
    List<String> maps = calls(childCode, map);
    List<String> accesses = calls(childCode, access);
    Feedback.of(
            "the children must share the count through memory: the file mapped with"
                + " FileChannel.map, the long read and written in the MappedByteBuffer")
        .measured(
            childrenSummary()
                + (maps.isEmpty()
                    ? "no call of FileChannel.map there" + elsewhere(map)
                    : "FileChannel.map: " + Scratch.shorten(maps, 2))
                + "; "
                + (accesses.isEmpty()
                    ? "no getLong/putLong (or get/put) on a buffer there" + elsewhere(access)
                    : "buffer access: " + Scratch.shorten(accesses, 2)))
        .required(
            "in the children's program, a call of FileChannel.map and reads and writes of the count"
                + " on the MappedByteBuffer it returns")
        .tryNext(
            "in the children's main: MappedByteBuffer counter ="
                + " channel.map(FileChannel.MapMode.READ_WRITE, 0, 8); then counter.putLong(0,"
                + " counter.getLong(0) + 1) under the lock; reading and writing the file with"
                + " RandomAccessFile or Files is a plain file, not shared memory")
        .failUnless(!maps.isEmpty() && !accesses.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.ARCHITECTURE,
      points = 1,
      name = "the children exclude each other with a FileChannel lock")
  void childrenLockTheFile() {
    Predicate<JavaMethodCall> lock =
        call ->
            isFileChannel(call.getTarget().getOwner())
                && (call.getName().equals("lock") || call.getName().equals("tryLock"));
    List<String> locks = calls(childCode, lock);
    Feedback.of("the children must exclude each other with a file lock: FileChannel.lock")
        .measured(
            childrenSummary()
                + (locks.isEmpty()
                    ? "no call of FileChannel.lock or FileChannel.tryLock there" + elsewhere(lock)
                    : Scratch.shorten(locks, 3)))
        .required(
            "a call of FileChannel.lock (or tryLock) in the children's program, around each"
                + " increment")
        .tryNext(
            "in the children's loop, for every increment: try (FileLock lock = channel.lock()) {"
                + " counter.putLong(0, counter.getLong(0) + 1); } — synchronized and"
                + " java.util.concurrent locks only exclude threads of one JVM, not other"
                + " processes")
        .failUnless(!locks.isEmpty());
  }

  /**
   * Every static main(String[]) of the package, and the code of the package it reaches: methods and
   * constructors it calls or refers to, and every member of a class it constructs (so that an
   * anonymous class or a Runnable the children build counts as theirs).
   */
  private static Set<JavaCodeUnit> reachableFromMain() {
    Set<JavaCodeUnit> reached = new LinkedHashSet<>();
    Deque<JavaCodeUnit> queue = new ArrayDeque<>();
    for (JavaClass javaClass : classes) {
      for (JavaMethod method : javaClass.getMethods()) {
        if (isMain(method)) {
          queue.add(method);
        }
      }
    }
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
    }
    return reached;
  }

  private static boolean isMain(JavaMethod method) {
    return method.getName().equals("main")
        && method.getModifiers().contains(JavaModifier.STATIC)
        && method.getRawParameterTypes().size() == 1
        && method.getRawParameterTypes().get(0).getName().equals(String[].class.getName());
  }

  /** Which main methods were found, or that there are none. */
  private static String childrenSummary() {
    List<String> mains =
        childCode.stream()
            .filter(unit -> unit instanceof JavaMethod m && isMain(m))
            .map(unit -> unit.getOwner().getSimpleName() + ".main")
            .toList();
    return mains.isEmpty()
        ? "no class of "
            + PACKAGE
            + " has a main method, so there is no children's program to look at; "
        : "children's program from " + String.join(", ", mains) + ": ";
  }

  /** Where else in the package such calls are, if anywhere: the parent's do not count. */
  private static String elsewhere(Predicate<JavaMethodCall> which) {
    Set<JavaCodeUnit> rest = new LinkedHashSet<>();
    classes.forEach(javaClass -> rest.addAll(javaClass.getCodeUnits()));
    rest.removeAll(childCode);
    List<String> found = calls(rest, which);
    return found.isEmpty()
        ? ""
        : " (only in code the children do not run: " + Scratch.shorten(found, 2) + ")";
  }

  private static boolean isFileChannel(JavaClass owner) {
    return owner.isAssignableTo(FileChannel.class);
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

  private static String names() {
    return classes.stream().map(JavaClass::getSimpleName).sorted().toList().toString();
  }
}
