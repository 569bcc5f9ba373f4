package forklab.supervisor;

/**
 * A unit of work the {@link Supervisor} runs in a child JVM of its own. Given: do not change it.
 *
 * <p>Every implementation has a public no-arg constructor, so that the child JVM can create it from
 * its class name alone: {@code Class.forName(name).asSubclass(Task.class).getConstructor()
 * .newInstance()}.
 */
@FunctionalInterface
public interface Task {
  /**
   * Does the work on {@code input} and returns the result. A task may also throw, print as much as
   * it likes, call {@code System.exit}, never end, exhaust its heap or start processes of its own:
   * the supervisor survives all of it.
   */
  String run(String input) throws Exception;
}
