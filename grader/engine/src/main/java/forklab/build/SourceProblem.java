package forklab.build;

/**
 * A located problem in a submission's sources: a compile error or a forbidden-API violation.
 *
 * @param file the file, relative to {@code src/main/java}
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong
 * @param sourceLine the offending line of code, or empty
 */
public record SourceProblem(
    String file, long line, long column, String message, String sourceLine) {

  /** {@code path:line:col: message}, then the source line and a caret, as compilers print it. */
  public String describe() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
      if (column > 0) {
        text.append(':').append(column);
      }
    }
    text.append(": ").append(message);
    if (!sourceLine.isBlank()) {
      text.append('\n').append(sourceLine.stripTrailing());
      if (column > 0) {
        text.append('\n').append(" ".repeat((int) Math.min(column - 1, 200))).append('^');
      }
    }
    return text.toString();
  }
}
