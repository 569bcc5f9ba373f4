package forklab.cli;

import forklab.engine.Workbench;
import forklab.sandbox.Sandbox;
import forklab.verify.Expectation;
import forklab.verify.Verifier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code forklab verify}: the instructor's check that references, skeletons and mutants grade as
 * they must.
 */
@Command(
    name = "verify",
    header =
        "Check that each reference earns full marks, each skeleton no hidden points, each mutant loses points.",
    mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--exercise",
      paramLabel = "ID",
      description = "verify only this exercise (repeatable)")
  List<String> exercises = new ArrayList<>();

  @ParentCommand Forklab root;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Workbench workbench = Workbench.forCourse(common.home, common.course)) {
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
        return ExitCode.USAGE.code();
      }
    }
    List<Expectation> expectations;
    // The course's own code is trusted: no isolation is required to run it.
    SandboxRequest request =
        new SandboxRequest(common.sandbox, common.image(), root.testcontainers(), false);
    try (Sandbox chosen =
        root.opener().open(request, workbench.scratch(), new ArrayList<>(), err)) {
      Verifier verifier =
          new Verifier(
              workbench.course(), workbench.grader(chosen), workbench.scratch(), common.ci);
      long runSeed = common.seedOrFresh();
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
    return failed == 0 ? ExitCode.GRADED.code() : ExitCode.BELOW_THRESHOLD.code();
  }
}
