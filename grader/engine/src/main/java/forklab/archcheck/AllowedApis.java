package forklab.archcheck;

import forklab.course.ExerciseSpec;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packages a submission may use: its own, the default JDK packages below, and those its
 * exercise lists under {@code packages}. Anything else is refused, so an API nobody thought of (for
 * example {@code java.beans.Expression}, which calls methods by name) is closed by default. Members
 * of allowed packages that are dangerous are refused by the other rules.
 */
public final class AllowedApis {
  /** What every exercise may use. */
  public static final Set<String> DEFAULT_PACKAGES =
      Set.copyOf(
          new TreeSet<>(
              Set.of(
                  "java.lang",
                  "java.util",
                  "java.util.concurrent",
                  "java.util.concurrent.atomic",
                  "java.util.concurrent.locks",
                  "java.util.function",
                  "java.util.stream",
                  "java.util.regex",
                  "java.io",
                  "java.math",
                  "java.text",
                  "java.time",
                  "java.time.format",
                  "java.time.temporal",
                  "java.nio.charset")));

  /**
   * What javac itself refers to for lambdas, string concatenation, records and pattern switches.
   */
  private static final Set<String> COMPILER_SUPPORT =
      Set.of(
          "java.lang.invoke.LambdaMetafactory",
          "java.lang.invoke.StringConcatFactory",
          "java.lang.invoke.CallSite",
          "java.lang.invoke.MethodType",
          "java.lang.invoke.MethodHandles$Lookup",
          "java.lang.invoke.TypeDescriptor",
          "java.lang.runtime.ObjectMethods",
          "java.lang.runtime.SwitchBootstraps",
          "java.lang.invoke.LambdaForm$Hidden");

  private AllowedApis() {}

  /** Whether {@code exercise} lets its students use {@code className} (a binary name). */
  public static boolean allows(ExerciseSpec exercise, String className) {
    if (COMPILER_SUPPORT.contains(className)) {
      return true;
    }
    String packageName = packageOf(className);
    return packageName.equals(exercise.packageName())
        || DEFAULT_PACKAGES.contains(packageName)
        || exercise.packages().contains(packageName);
  }

  /** The packages {@code exercise} allows, sorted, for messages. */
  public static Set<String> packages(ExerciseSpec exercise) {
    Set<String> all = new TreeSet<>(DEFAULT_PACKAGES);
    all.addAll(exercise.packages());
    all.add(exercise.packageName());
    return all;
  }

  static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }
}
