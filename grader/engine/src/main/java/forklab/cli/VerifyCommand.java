package forklab.cli;

import forklab.engine.Workbench;
import forklab.sandbox.Sandbox;
import forklab.verify.Expectation;
import forklab.verify.Verifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code forklab verify}: the instructor's check that references, skeletons and mutants grade as
 * they must.
 */
@Command(
    name = "verify",
    header =
        "Check that each reference earns full marks, each skeleton no hidden points, each mutant loses points.",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every expectation held",
      "1:an expectation failed",
      "2:bad usage",
      "3:infrastructure error"
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--exercise",
      paramLabel = "ID",
      description = "verify only this exercise (repeatable)")
  List<String> exercises = new ArrayList<>();

  @Option(
      names = "--sandbox",
      paramLabel = "MODE",
      description = "auto, docker or local (default: ${DEFAULT-VALUE})")
  SandboxChoice sandbox = SandboxChoice.auto;

  @Option(
      names = "--course",
      paramLabel = "HOME",
      description =
          "the course to use: a folder with exercises/,"
              + " solutions/ and grader/checks/ (default: this Forklab's own)")
  Path course;

  @Option(names = "--seed", paramLabel = "N", description = "seed for randomized checks")
  Long seed;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Workbench workbench = Workbench.forCourse(course)) {
      return run(workbench, out, err);
    }
  }

  private int run(Workbench workbench, PrintWriter out, PrintWriter err) throws Exception {
    for (String id : exercises) {
      if (workbench.course().find(id).isEmpty()) {
        err.println(
            "forklab verify: no exercise '"
                + id
                + "'; known: "
                + String.join(", ", workbench.course().ids()));
        return ExitCodes.USAGE;
      }
    }
    List<Expectation> expectations;
    try (Sandbox chosen =
        Sandboxes.open(sandbox, workbench.scratch(), false, new ArrayList<>(), err)) {
      Verifier verifier =
          new Verifier(workbench.course(), workbench.grader(chosen), workbench.scratch());
      long runSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
      err.println("forklab: seed " + runSeed);
      expectations = verifier.verify(exercises, runSeed, err::println);
    }
    int failed = 0;
    for (Expectation expectation : expectations) {
      out.printf(
          "%-4s %-22s %-24s %s%n",
          expectation.met() ? "ok" : "FAIL",
          expectation.exercise(),
          expectation.subject(),
          expectation.observed());
      failed += expectation.met() ? 0 : 1;
    }
    out.println(expectations.size() - failed + " of " + expectations.size() + " expectations held");
    return failed == 0 ? ExitCodes.GRADED : ExitCodes.BELOW_THRESHOLD;
  }
}
