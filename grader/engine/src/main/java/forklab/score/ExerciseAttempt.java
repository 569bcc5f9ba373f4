package forklab.score;

import forklab.build.CompileResult;
import forklab.build.SourceProblem;
import forklab.discover.SubmittedExercise;
import forklab.plan.CheckSuite;
import forklab.run.RunOutcome;
import java.util.List;
import java.util.Objects;

/**
 * How far one exercise got through the earlier stages, which the {@link Scorer} turns into an
 * {@link ExerciseResult}. Exactly one of: missing, not compiled, forbidden, ran, broken.
 */
public sealed interface ExerciseAttempt {
  /** What discovery found. */
  SubmittedExercise submitted();

  /** The exercise's checks. */
  CheckSuite suite();

  /** No folder for the exercise in the submission. */
  record Missing(SubmittedExercise submitted, CheckSuite suite) implements ExerciseAttempt {}

  /** The sources did not compile. */
  record NotCompiled(SubmittedExercise submitted, CheckSuite suite, CompileResult compile)
      implements ExerciseAttempt {
    public NotCompiled {
      if (compile.succeeded()) {
        throw new IllegalArgumentException("compiled: " + submitted.spec().id());
      }
    }
  }

  /** Compiled, but uses APIs the exercise forbids, so it was not run. */
  record Forbidden(SubmittedExercise submitted, CheckSuite suite, List<SourceProblem> violations)
      implements ExerciseAttempt {
    public Forbidden {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("no violations: " + submitted.spec().id());
      }
    }
  }

  /** Compiled, allowed, and run: {@code run} is what the runner reported. */
  record Ran(SubmittedExercise submitted, CheckSuite suite, RunOutcome run)
      implements ExerciseAttempt {
    public Ran {
      Objects.requireNonNull(run, "run");
    }
  }

  /**
   * The grader could not finish this exercise for a reason that is not the student's.
   *
   * @param compiled whether the sources had compiled (and passed the API check) before it broke
   * @param reason what broke
   */
  record Broken(SubmittedExercise submitted, CheckSuite suite, boolean compiled, String reason)
      implements ExerciseAttempt {
    public Broken {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
