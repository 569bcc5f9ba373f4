package forklab.build;

import java.nio.file.Path;
import java.util.List;

/**
 * What compiling produced.
 *
 * @param succeeded true when every source compiled
 * @param classes the output folder
 * @param errors the errors, at most {@link JavaCompilation#MAX_ERRORS}, in file and line order
 */
public record CompileResult(boolean succeeded, Path classes, List<SourceProblem> errors) {
  public CompileResult {
    errors = List.copyOf(errors);
  }
}
