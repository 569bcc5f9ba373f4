package forklab.supervisor;

import java.time.Duration;
import java.util.List;

/**
 * Runs tasks in child JVMs, so that whatever a task does (throws, exits, loops, exhausts its heap,
 * floods its output, leaves processes behind) this JVM survives and learns what happened. See the
 * exercise's README.md.
 *
 * <p>The children need a program to run: add a class with a {@code main} method to this package
 * (for example {@code TaskMain}) that loads the task class by name, runs it and reports the result
 * to the parent, and start it as {@code <java of this JVM> -Xmx<maxHeapMb>m -cp
 * <System.getProperty("java.class.path")> forklab.supervisor.TaskMain <task class name>}.
 */
public final class Supervisor {

  /**
   * @param timeout how long each task may run, counted from the start of its own child JVM
   * @param maxHeapMb the largest heap of each child JVM, in MiB ({@code -Xmx})
   */
  public Supervisor(Duration timeout, int maxHeapMb) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Runs each task in a child JVM of its own, at most C at once (C = {@code
   * Runtime.getRuntime().availableProcessors()}), each with {@code input}, and returns their
   * outcomes in the order of {@code tasks}. When it returns, no process it started, nor any process
   * those started, is alive.
   */
  public List<Outcome> runAll(List<Class<? extends Task>> tasks, String input) {
    throw new UnsupportedOperationException("TODO");
  }
}
