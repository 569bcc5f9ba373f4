package forklab.supervisor;

import java.time.Duration;

/**
 * The wrong way, for comparison: runs a task in a thread of <em>this</em> JVM. Given: read it, run
 * it, do not use it in your {@link Supervisor}.
 *
 * <p>A thread shares everything with the rest of its JVM: the heap (a task that exhausts it makes
 * every other thread fail too), the process ({@code System.exit} in any thread ends them all), and
 * nothing can stop it from outside ({@code Thread.stop} is gone; an interrupt is only a request, so
 * a task that loops without looking at it runs on after its "timeout"). Processes give the
 * isolation threads cannot: try {@code java -cp target/classes forklab.supervisor.InThreadRunner
 * 'forklab.supervisor.Examples$Exits'}, then the same task through your supervisor.
 */
public final class InThreadRunner {
  private InThreadRunner() {}

  /**
   * Runs {@code task} on {@code input} in a new thread of this JVM and waits for it up to {@code
   * timeout}. A task that calls {@code System.exit} ends this JVM, and the method never returns; one
   * that runs too long is reported TIMED_OUT but keeps running.
   */
  public static Outcome run(Class<? extends Task> task, String input, Duration timeout)
      throws InterruptedException {
    String[] result = {null};
    Status[] status = {null};
    long start = System.nanoTime();
    Thread worker =
        Thread.ofPlatform()
            .daemon()
            .name("in-thread-" + task.getSimpleName())
            .start(
                () -> {
                  try {
                    result[0] = task.getConstructor().newInstance().run(input);
                    status[0] = Status.OK;
                  } catch (OutOfMemoryError e) {
                    status[0] = Status.OUT_OF_MEMORY;
                  } catch (Throwable e) {
                    result[0] = e.toString();
                    status[0] = Status.FAILED;
                  }
                });
    boolean ended = worker.join(timeout);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (!ended) {
      worker.interrupt(); // a request, nothing more: the thread may run on
      return new Outcome(task.getName(), Status.TIMED_OUT, "", -1, elapsed);
    }
    // join() returned: every write of the worker happened before this read.
    String output = result[0] == null ? "" : result[0];
    return new Outcome(task.getName(), status[0], output, 0, elapsed);
  }

  /**
   * {@code InThreadRunner <task class> [input]}: runs the task in a thread of this JVM, prints its
   * outcome, then {@code this JVM survived}, unless the task took the JVM down with it.
   */
  public static void main(String[] args) throws Exception {
    Class<? extends Task> task = Class.forName(args[0]).asSubclass(Task.class);
    Outcome outcome = run(task, args.length > 1 ? args[1] : "", Duration.ofSeconds(5));
    System.out.println(outcome);
    System.out.println("this JVM survived");
  }
}
