package forklab.score;

import forklab.build.CompileResult;
import forklab.build.SourceProblem;
import forklab.discover.SubmittedExercise;
import forklab.plan.CheckSuite;
import forklab.run.RunOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Everything the earlier stages learned about one exercise, which the {@link Scorer} turns into an
 * {@link ExerciseResult}.
 *
 * @param submitted what discovery found
 * @param suite the exercise's checks
 * @param compile the compile result, empty when nothing was compiled (missing folder)
 * @param violations forbidden-API violations
 * @param run what the runner reported, empty when the checks were not run
 * @param infrastructureError why the checks could not run for a reason that is not the student's
 */
public record ExerciseAttempt(
    SubmittedExercise submitted,
    CheckSuite suite,
    Optional<CompileResult> compile,
    List<SourceProblem> violations,
    Optional<RunOutcome> run,
    Optional<String> infrastructureError) {

  public ExerciseAttempt {
    violations = List.copyOf(violations);
  }

  /** Whether the submission may run: present, compiled, and free of forbidden APIs. */
  public boolean runnable() {
    return !submitted.missing()
        && compile.map(CompileResult::succeeded).orElse(false)
        && violations.isEmpty();
  }
}
