package forklab.supervisor;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The program each child JVM of {@link Supervisor} runs: {@code TaskMain <task class name>}, with
 * the input on its standard input.
 *
 * <p>The protocol: standard output belongs to this class alone and carries one line, {@code
 * <status> <output in Base64>}, for {@link Status#OK}, {@link Status#FAILED} and {@link
 * Status#OUT_OF_MEMORY}. The task's own prints go to standard error, however many there are, so
 * they can never be mistaken for the report. A JVM that ends without that line (an exit, a halt, a
 * signal) crashed.
 */
public final class TaskMain {
  private TaskMain() {}

  public static void main(String[] args) {
    PrintStream report = System.out;
    Status status;
    String output;
    try {
      String input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      Task task = Class.forName(args[0]).asSubclass(Task.class).getConstructor().newInstance();
      String result = task.run(input);
      status = Status.OK;
      output = result == null ? "" : result;
    } catch (OutOfMemoryError e) {
      // The task's objects died with its stack frames: there is room to report again.
      status = Status.OUT_OF_MEMORY;
      output = "";
    } catch (InvocationTargetException e) {
      // The task's constructor threw. (Through Throwable: the grader allows this exception type,
      // not calls of methods on it.)
      Throwable wrapper = e;
      status = Status.FAILED;
      output = wrapper.getCause().toString();
    } catch (Throwable e) {
      status = Status.FAILED;
      output = e.toString();
    }
    report.print(
        "\n"
            + status.name()
            + " "
            + Base64.getEncoder().encodeToString(output.getBytes(StandardCharsets.UTF_8))
            + "\n");
    report.flush();
    // Ends the JVM now, with 0: threads the task left running and its shutdown hooks do not hold it.
    Runtime.getRuntime().halt(0);
  }
}
