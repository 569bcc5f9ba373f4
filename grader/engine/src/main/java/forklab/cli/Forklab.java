package forklab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The root command: {@code forklab grade|verify|help}. */
@Command(
    name = "forklab",
    mixinStandardHelpOptions = true,
    version = "forklab " + forklab.engine.Grader.VERSION,
    description = "Grades exercises on threads vs processes with hidden JUnit and ArchUnit checks.",
    subcommands = {GradeCommand.class, VerifyCommand.class, HelpCommand.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:graded (whatever the score)",
      "1:graded, score below --fail-under (verify: an expectation failed)",
      "2:bad usage or unreadable submission",
      "3:infrastructure error: no score was given"
    })
public final class Forklab implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int status = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** Runs the command line with the given writers and returns the exit status. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new Forklab());
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler(
        (exception, commandLine, parsed) -> {
          commandLine.getErr().println("forklab: " + exception.getMessage());
          return exception instanceof IllegalArgumentException
              ? ExitCodes.USAGE
              : ExitCodes.INFRASTRUCTURE;
        });
    return line.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
