package forklab.course;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One exercise as its descriptor declares it, with the folders that hold its parts.
 *
 * @param id the folder name, {@code exNN-name}
 * @param title a short title
 * @param packageName the one package the students' classes must live in
 * @param compilePoints points for a submission that compiles
 * @param publicTestPoints points for each public test that passes
 * @param limits the check JVM's limits
 * @param sandbox whether the checks must run in the container sandbox
 * @param allowed forbidden-API rules this exercise relaxes
 * @param skeleton the skeleton's {@code src/main/java}
 * @param publicTests the public tests' {@code src/test/java}
 * @param hiddenChecks the hidden checks' source folder
 * @param jvmOptions extra options for the check JVM, for example to turn off the common fork/join
 *     pool
 * @param calibrate whether the check JVM measures the machine's parallelism at start, before any
 *     student class loads, for the speedup judge
 * @param packages the JDK packages students may use besides the default ones (see {@code
 *     forklab.archcheck.AllowedApis}), for example {@code java.net}
 * @param libraries check libraries the hidden checks use besides JUnit, ArchUnit and AssertJ, by
 *     name, for example {@code lincheck}; students cannot use them
 */
public record ExerciseSpec(
    String id,
    String title,
    String packageName,
    double compilePoints,
    double publicTestPoints,
    Limits limits,
    SandboxNeed sandbox,
    Set<ForbiddenApi> allowed,
    Path skeleton,
    Path publicTests,
    Path hiddenChecks,
    List<String> jvmOptions,
    boolean calibrate,
    Set<String> packages,
    List<String> libraries) {

  private static final Pattern ID = Pattern.compile("ex\\d{2}-[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern LIBRARY = Pattern.compile("[a-z0-9][a-z0-9.-]*");
  private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  public ExerciseSpec {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(sandbox, "sandbox");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("exercise id '" + id + "' is not of the form exNN-name");
    }
    if (packageName == null || !PACKAGE.matcher(packageName).matches()) {
      throw new IllegalArgumentException(
          "package '" + packageName + "' of " + id + " is not a package name");
    }
    if (allowed.contains(ForbiddenApi.FOREIGN_PACKAGE)) {
      throw new IllegalArgumentException(
          id + " cannot allow foreign-package: classes must stay in " + packageName);
    }
    if (allowed.contains(ForbiddenApi.UNLISTED_PACKAGE)) {
      throw new IllegalArgumentException(
          id + " cannot allow unlisted-package: name the packages it needs under packages");
    }
    allowed = allowed.isEmpty() ? EnumSet.noneOf(ForbiddenApi.class) : EnumSet.copyOf(allowed);
    jvmOptions = List.copyOf(jvmOptions);
    packages = Set.copyOf(packages);
    libraries = List.copyOf(libraries);
    for (String name : libraries) {
      if (!isLibraryName(name)) {
        throw new IllegalArgumentException(
            id + ": libraries takes library names such as lincheck, not '" + name + "'");
      }
    }
    for (String name : packages) {
      if (!PACKAGE.matcher(name).matches()) {
        throw new IllegalArgumentException(
            id + ": packages takes package names, not '" + name + "'");
      }
    }
    for (String option : jvmOptions) {
      if (!option.startsWith("-D") && !option.startsWith("-XX:")) {
        throw new IllegalArgumentException(
            id + ": jvm-options takes only -D and -XX: options, not '" + option + "'");
      }
    }
  }

  /** An exercise without extra JVM options or start-up calibration. */
  public ExerciseSpec(
      String id,
      String title,
      String packageName,
      double compilePoints,
      double publicTestPoints,
      Limits limits,
      SandboxNeed sandbox,
      Set<ForbiddenApi> allowed,
      Path skeleton,
      Path publicTests,
      Path hiddenChecks) {
    this(
        id,
        title,
        packageName,
        compilePoints,
        publicTestPoints,
        limits,
        sandbox,
        allowed,
        skeleton,
        publicTests,
        hiddenChecks,
        List.of(),
        false,
        Set.of(),
        List.of());
  }

  /**
   * Whether {@code name} can name a check library: a folder name of a-z, 0-9, '.' and '-', never a
   * path.
   */
  public static boolean isLibraryName(String name) {
    return name != null && LIBRARY.matcher(name).matches();
  }

  /**
   * The fixtures' source folder, beside the hidden checks': classes the checks hand to the code
   * under test, which must load them by name (ex06's tasks, run in the submission's child JVMs).
   * They go on the check JVM's class path, where student code can read them: they hold behaviour,
   * never an expected answer.
   */
  public Path fixtures() {
    return hiddenChecks.resolveSibling("fixtures");
  }

  /** Whether the exercise relaxes {@code rule}. */
  public boolean allows(ForbiddenApi rule) {
    return allowed.contains(rule);
  }

  /** The package as a relative folder, {@code forklab/primes}. */
  public String packageFolder() {
    return packageName.replace('.', '/');
  }
}
