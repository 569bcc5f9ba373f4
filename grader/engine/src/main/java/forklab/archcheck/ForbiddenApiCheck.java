package forklab.archcheck;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.SourceCodeLocation;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import forklab.build.SourceProblem;
import forklab.course.ExerciseSpec;
import forklab.course.ForbiddenApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks compiled classes against the forbidden-API rules of their exercise. Each violation is a
 * {@link SourceProblem} naming the rule, the file and the line.
 */
public final class ForbiddenApiCheck {
  public static final int MAX_VIOLATIONS = 20;

  private static final Map<ForbiddenApi, Predicate<String>> FORBIDDEN_TYPES =
      Map.of(
          ForbiddenApi.REFLECTION,
              type ->
                  type.startsWith("java.lang.reflect.")
                      || type.equals("java.lang.invoke.MethodHandles")
                      || type.equals("java.lang.invoke.MethodHandles$Lookup")
                      || type.equals("java.lang.invoke.MethodHandle")
                      || type.equals("java.lang.invoke.VarHandle"),
          ForbiddenApi.RESOURCES,
              type ->
                  type.equals("java.lang.ClassLoader")
                      || type.endsWith("ClassLoader")
                          && (type.startsWith("java.") || type.startsWith("jdk.")),
          ForbiddenApi.STACK_WALKING,
              type ->
                  type.equals("java.lang.StackWalker")
                      || type.startsWith("java.lang.StackWalker$")
                      || type.equals("java.lang.StackTraceElement"),
          ForbiddenApi.INTERNAL_APIS,
              type ->
                  type.startsWith("sun.")
                      || type.startsWith("jdk.internal.")
                      || type.startsWith("com.sun.")
                      || type.startsWith("jdk.jshell.")
                      || type.startsWith("jdk.attach.")
                      || type.startsWith("javax.management."),
          ForbiddenApi.NATIVE, type -> type.startsWith("java.lang.foreign."));

  private static final Map<ForbiddenApi, Set<String>> FORBIDDEN_CALLS =
      Map.of(
          ForbiddenApi.SYSTEM_EXIT,
              Set.of("java.lang.System.exit", "java.lang.Runtime.exit", "java.lang.Runtime.halt"),
          ForbiddenApi.REFLECTION,
              Set.of(
                  "java.lang.Class.forName",
                  "java.lang.Class.getDeclaredMethod",
                  "java.lang.Class.getDeclaredMethods",
                  "java.lang.Class.getDeclaredField",
                  "java.lang.Class.getDeclaredFields",
                  "java.lang.Class.getMethod",
                  "java.lang.Class.getMethods",
                  "java.lang.Class.getField",
                  "java.lang.Class.getFields",
                  "java.lang.Class.getDeclaredConstructor",
                  "java.lang.Class.getDeclaredConstructors",
                  "java.lang.Class.getConstructor",
                  "java.lang.Class.getConstructors",
                  "java.lang.Class.newInstance",
                  "java.lang.Class.getRecordComponents",
                  "java.lang.Module.addOpens"),
          ForbiddenApi.RESOURCES,
              Set.of(
                  "java.lang.Class.getResource",
                  "java.lang.Class.getResourceAsStream",
                  "java.lang.Class.getClassLoader",
                  "java.lang.Class.getProtectionDomain",
                  "java.lang.Thread.getContextClassLoader",
                  "java.lang.Thread.setContextClassLoader",
                  "java.lang.Module.getResourceAsStream"),
          ForbiddenApi.STACK_WALKING,
              Set.of(
                  "java.lang.Thread.getAllStackTraces",
                  "java.lang.Thread.getStackTrace",
                  "java.lang.Throwable.getStackTrace",
                  "java.lang.Throwable.setStackTrace"),
          ForbiddenApi.INTERNAL_APIS,
              Set.of("java.lang.management.ManagementFactory.getPlatformMBeanServer"),
          ForbiddenApi.NATIVE,
              Set.of(
                  "java.lang.System.load",
                  "java.lang.System.loadLibrary",
                  "java.lang.Runtime.load",
                  "java.lang.Runtime.loadLibrary"),
          ForbiddenApi.SYSTEM_PROPERTIES,
              Set.of(
                  "java.lang.System.setProperty",
                  "java.lang.System.clearProperty",
                  "java.lang.System.setProperties",
                  "java.lang.System.getProperties"));

  /** The reflection that {@link ForbiddenApi#CLASS_BY_NAME} allows: calls, then types. */
  private static final Set<String> CLASS_BY_NAME_CALLS =
      Set.of(
          "java.lang.Class.forName",
          "java.lang.Class.getConstructor",
          "java.lang.reflect.Constructor.newInstance");

  private static final Set<String> CLASS_BY_NAME_TYPES =
      Set.of("java.lang.reflect.Constructor", "java.lang.reflect.InvocationTargetException");

  /**
   * The violations in {@code classes} (a folder of class files), at most {@link #MAX_VIOLATIONS}.
   */
  public List<SourceProblem> check(ExerciseSpec exercise, Path classes) {
    if (!Files.isDirectory(classes)) {
      return List.of();
    }
    JavaClasses imported = new ClassFileImporter().importPath(classes);
    Set<SourceProblem> found = new LinkedHashSet<>();
    for (JavaClass type : imported) {
      if (!type.getPackageName().equals(exercise.packageName())) {
        found.add(
            new SourceProblem(
                sourceFile(type, type.getSourceCodeLocation()),
                0,
                0,
                rule(ForbiddenApi.FOREIGN_PACKAGE)
                    + ": class "
                    + type.getName()
                    + " is not in package "
                    + exercise.packageName()
                    + "; move it there",
                ""));
        continue;
      }
      boolean classByName = exercise.allows(ForbiddenApi.CLASS_BY_NAME);
      for (JavaAccess<?> access : type.getAccessesFromSelf()) {
        String owner = access.getTargetOwner().getName();
        String target = owner + "." + access.getName();
        if (classByName
            && owner.startsWith("java.lang.reflect.")
            && !CLASS_BY_NAME_CALLS.contains(target)
            && !owner.equals("java.lang.reflect.InvocationTargetException")
            && !access.getName().equals("<init>")) {
          // With Constructor allowed as a type, its other members (setAccessible) stay refused.
          found.add(
              violation(
                  ForbiddenApi.REFLECTION,
                  type,
                  access.getSourceCodeLocation(),
                  access.getOrigin().getFullName() + " calls " + simple(target) + "()"));
        }
        FORBIDDEN_CALLS.forEach(
            (rule, calls) -> {
              if (!exercise.allows(rule)
                  && !allowedByClassByName(exercise, rule, target)
                  && calls.contains(target)) {
                found.add(
                    violation(
                        rule,
                        type,
                        access.getSourceCodeLocation(),
                        access.getOrigin().getFullName() + " calls " + simple(target) + "()"));
              }
            });
      }
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        JavaClass targetClass = dependency.getTargetClass();
        if (targetClass.isArray()) {
          targetClass = targetClass.getBaseComponentType();
        }
        if (targetClass.isPrimitive()) {
          continue;
        }
        String target = targetClass.getName();
        boolean ruled = false;
        for (Map.Entry<ForbiddenApi, Predicate<String>> rule : FORBIDDEN_TYPES.entrySet()) {
          if (rule.getValue().test(target) && !listedInternalApi(exercise, rule.getKey(), target)) {
            ruled = true;
            if (!exercise.allows(rule.getKey())
                && !allowedByClassByName(exercise, rule.getKey(), target)) {
              found.add(
                  violation(
                      rule.getKey(),
                      type,
                      dependency.getSourceCodeLocation(),
                      type.getSimpleName() + " uses " + target));
            }
          }
        }
        if (!ruled && !AllowedApis.allows(exercise, target)) {
          found.add(
              violation(
                  ForbiddenApi.UNLISTED_PACKAGE,
                  type,
                  dependency.getSourceCodeLocation(),
                  type.getSimpleName()
                      + " uses "
                      + target
                      + "; "
                      + exercise.id()
                      + " allows "
                      + String.join(", ", AllowedApis.packages(exercise))));
        }
      }
    }
    List<SourceProblem> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparing(SourceProblem::file)
            .thenComparingLong(SourceProblem::line)
            .thenComparing(SourceProblem::message));
    return List.copyOf(sorted.subList(0, Math.min(sorted.size(), MAX_VIOLATIONS)));
  }

  /**
   * Whether {@code callOrType} (a call such as {@code java.lang.Class.forName}, or a type) is the
   * part of {@code rule} that {@link ForbiddenApi#CLASS_BY_NAME} lets {@code exercise} use.
   */
  private static boolean allowedByClassByName(
      ExerciseSpec exercise, ForbiddenApi rule, String callOrType) {
    return rule == ForbiddenApi.REFLECTION
        && exercise.allows(ForbiddenApi.CLASS_BY_NAME)
        && (CLASS_BY_NAME_CALLS.contains(callOrType) || CLASS_BY_NAME_TYPES.contains(callOrType));
  }

  /**
   * Whether {@code target} is a JDK-internal type that {@code exercise} lets its students use by
   * listing its exact package under {@code packages}, such as {@code com.sun.net.httpserver}: the
   * listing is the exercise author's decision, and it opens that one package only (its
   * sub-packages, other {@code com.sun.*} and {@code sun.*} stay refused).
   */
  private static boolean listedInternalApi(
      ExerciseSpec exercise, ForbiddenApi rule, String target) {
    return rule == ForbiddenApi.INTERNAL_APIS
        && exercise.packages().contains(AllowedApis.packageOf(target));
  }

  private static SourceProblem violation(
      ForbiddenApi rule, JavaClass type, SourceCodeLocation location, String what) {
    return new SourceProblem(
        sourceFile(type, location), location.getLineNumber(), 0, rule(rule) + ": " + what, "");
  }

  private static String rule(ForbiddenApi rule) {
    return "forbidden API '" + rule.id() + "' (" + rule.description() + ")";
  }

  private static String sourceFile(JavaClass type, SourceCodeLocation location) {
    String folder = type.getPackageName().replace('.', '/');
    String file = location.getSourceFileName();
    if (file == null || file.isEmpty()) {
      file = type.getSimpleName() + ".java";
    }
    return folder.isEmpty() ? file : folder + "/" + file;
  }

  private static String simple(String qualified) {
    int lastDot = qualified.lastIndexOf('.');
    int ownerDot = qualified.lastIndexOf('.', lastDot - 1);
    return qualified.substring(ownerDot + 1);
  }
}
