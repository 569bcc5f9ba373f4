package forklab.cli;

import forklab.sandbox.docker.TestcontainersEnvironment;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The root command: {@code forklab grade|verify|help}. */
@Command(
    name = "forklab",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Grades exercises on threads vs processes with hidden JUnit and ArchUnit checks.",
    subcommands = {GradeCommand.class, VerifyCommand.class, HelpCommand.class})
public final class Forklab implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final TestcontainersEnvironment testcontainers;
  private final SandboxOpener opener;

  Forklab(TestcontainersEnvironment testcontainers, SandboxOpener opener) {
    this.testcontainers = testcontainers;
    this.opener = opener;
  }

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
    return execute(
        args,
        out,
        err,
        new Forklab(TestcontainersEnvironment.of(System.getenv()), Sandboxes::open));
  }

  /** Runs {@code root}'s command line: tests give it their own environment and sandboxes. */
  static int execute(String[] args, PrintWriter out, PrintWriter err, Forklab root) {
    CommandLine line = new CommandLine(root);
    line.setOut(out);
    line.setErr(err);
    documentExitCodes(line);
    line.setExecutionExceptionHandler(
        (exception, commandLine, parsed) -> {
          commandLine.getErr().println("forklab: " + exception.getMessage());
          return exception instanceof IllegalArgumentException
              ? ExitCode.USAGE.code()
              : ExitCode.INFRASTRUCTURE.code();
        });
    return line.execute(args);
  }

  /** Each command's help ends with the exit statuses of {@link ExitCode}. */
  private static void documentExitCodes(CommandLine line) {
    for (CommandLine command :
        List.of(line, line.getSubcommands().get("grade"), line.getSubcommands().get("verify"))) {
      Map<String, String> list = ExitCode.helpFor(command.getCommandName());
      command
          .getCommandSpec()
          .usageMessage()
          .exitCodeListHeading("%nExit status:%n")
          .exitCodeList(list);
    }
  }

  TestcontainersEnvironment testcontainers() {
    return testcontainers;
  }

  SandboxOpener opener() {
    return opener;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
