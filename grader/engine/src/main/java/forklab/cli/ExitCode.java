package forklab.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit statuses that CONTRACT.md promises, declared once: every command returns these, and the
 * {@code --help} footers and the docs' table are made from (or checked against) them.
 */
enum ExitCode {
  GRADED(0, "graded (whatever the score)", "graded (whatever the score)", "every expectation held"),
  BELOW_THRESHOLD(
      1,
      "graded, score below --fail-under (verify: an expectation failed)",
      "graded, score below --fail-under",
      "an expectation failed"),
  USAGE(2, "bad usage or unreadable submission", "bad usage or unreadable submission", "bad usage"),
  INFRASTRUCTURE(
      3,
      "infrastructure error: no score was given",
      "infrastructure error: no score was given",
      "infrastructure error");

  private final int code;
  private final String meaning;
  private final String forGrade;
  private final String forVerify;

  ExitCode(int code, String meaning, String forGrade, String forVerify) {
    this.code = code;
    this.meaning = meaning;
    this.forGrade = forGrade;
    this.forVerify = forVerify;
  }

  /** The process exit status. */
  int code() {
    return code;
  }

  /** What the status means for any command, as the root help and docs/contract.md say it. */
  String meaning() {
    return meaning;
  }

  /** The help footer of {@code command} ({@code forklab}, {@code grade} or {@code verify}). */
  static Map<String, String> helpFor(String command) {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode status : values()) {
      list.put(
          Integer.toString(status.code),
          switch (command) {
            case "grade" -> status.forGrade;
            case "verify" -> status.forVerify;
            default -> status.meaning;
          });
    }
    return list;
  }
}
