package forklab.course;

import java.util.Locale;

/**
 * The forbidden-API rules checked on a submission's compiled classes before it runs. An exercise
 * may relax any but {@link #FOREIGN_PACKAGE} and {@link #UNLISTED_PACKAGE} in its descriptor's
 * {@code allow} list; it widens the allowed packages with {@code packages} instead.
 */
public enum ForbiddenApi {
  SYSTEM_EXIT("ends the JVM (System.exit, Runtime.exit, Runtime.halt)"),
  REFLECTION("uses reflection or method handles"),
  /**
   * Not a rule of its own but the part of {@link #REFLECTION} an exercise may allow alone: {@code
   * Class.forName}, {@code Class.getConstructor} and {@code Constructor.newInstance}, for a child
   * JVM that must instantiate a class it is given by name.
   */
  CLASS_BY_NAME(
      "loads a class by name and calls its public constructor (Class.forName, getConstructor, Constructor.newInstance)"),
  RESOURCES("reads class-path resources or creates class loaders"),
  STACK_WALKING("walks stacks or lists all threads' stacks"),
  INTERNAL_APIS(
      "uses JDK-internal or management APIs (sun.*, jdk.internal.*, com.sun.*, javax.management, heap dumps, attach)"),
  NATIVE("loads native code"),
  SYSTEM_PROPERTIES(
      "changes system properties (System.setProperty, clearProperty, setProperties, getProperties)"),
  UNLISTED_PACKAGE("uses a package that the exercise does not list among its allowed APIs"),
  FOREIGN_PACKAGE("declares classes outside the exercise's package");

  private final String description;

  ForbiddenApi(String description) {
    this.description = description;
  }

  /** The id used in descriptors, for example {@code system-exit}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** What the rule forbids, as a phrase: "ends the JVM (...)". */
  public String description() {
    return description;
  }

  public static ForbiddenApi fromId(String id) {
    for (ForbiddenApi rule : values()) {
      if (rule.id().equals(id.trim())) {
        return rule;
      }
    }
    throw new IllegalArgumentException("unknown forbidden-API rule '" + id + "'");
  }
}
