package forklab.runner;

import forklab.api.ReplayNote;
import forklab.protocol.RunnerEvent;
import forklab.protocol.RunnerEvent.CheckFinished;
import forklab.protocol.RunnerEvent.CheckStarted;
import forklab.protocol.RunnerEvent.Status;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.opentest4j.TestAbortedException;

/**
 * Turns JUnit's events into one result per check. A check is a test method: the topmost node of the
 * plan whose source is a method, so every invocation of a parameterized test counts toward it.
 */
final class CheckListener implements TestExecutionListener {
  /** The longest message sent for a check; the grader shows at most 4 KiB of it anyway. */
  static final int MAX_MESSAGE_CHARS = 16 * 1024;

  private final Consumer<RunnerEvent> emit;
  private final OutputCapture output;
  private final Map<String, CheckState> states = new HashMap<>();
  private TestPlan plan;

  CheckListener(Consumer<RunnerEvent> emit, OutputCapture output) {
    this.emit = emit;
    this.output = output;
  }

  static String checkId(MethodSource source) {
    return source.getClassName() + "#" + source.getMethodName();
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier node) {
    if (isCheck(node)) {
      output.drain();
      states.put(node.getUniqueId(), new CheckState(System.nanoTime()));
      emit.accept(new CheckStarted(id(node)));
    }
  }

  @Override
  public void reportingEntryPublished(TestIdentifier node, ReportEntry entry) {
    checkOf(node)
        .ifPresent(
            check -> states.get(check.getUniqueId()).entries.putAll(entry.getKeyValuePairs()));
  }

  @Override
  public void executionSkipped(TestIdentifier node, String reason) {
    if (isCheck(node)) {
      emit.accept(finished(node, Status.ABORTED, "skipped: " + reason, Map.of(), 0, ""));
    } else {
      checksUnder(node).forEach(check -> executionSkipped(check, reason));
    }
  }

  @Override
  public void executionFinished(TestIdentifier node, TestExecutionResult result) {
    if (isCheck(node)) {
      CheckState state = states.remove(node.getUniqueId());
      state.record(result);
      long millis = (System.nanoTime() - state.startNanos) / 1_000_000;
      emit.accept(
          finished(node, state.status, state.message, state.entries, millis, output.drain()));
      return;
    }
    Optional<TestIdentifier> check = checkOf(node);
    if (check.isPresent()) {
      CheckState state = states.get(check.get().getUniqueId());
      if (state != null) {
        state.record(result);
      }
    } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
      // A class-level failure (static initializer, @BeforeAll) ends every check of the class.
      String message = describe(result);
      for (TestIdentifier orphan : checksUnder(node)) {
        if (!states.containsKey(orphan.getUniqueId())) {
          emit.accept(finished(orphan, status(result), message, Map.of(), 0, output.drain()));
        }
      }
    }
  }

  private List<TestIdentifier> checksUnder(TestIdentifier node) {
    return plan.getDescendants(node).stream().filter(this::isCheck).toList();
  }

  private boolean isCheck(TestIdentifier node) {
    return methodSource(node).isPresent()
        && plan.getParent(node).flatMap(CheckListener::methodSource).isEmpty();
  }

  private Optional<TestIdentifier> checkOf(TestIdentifier node) {
    Optional<TestIdentifier> current = Optional.of(node);
    while (current.isPresent() && !isCheck(current.get())) {
      current = plan.getParent(current.get());
    }
    return current;
  }

  private static Optional<MethodSource> methodSource(TestIdentifier node) {
    return node.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
  }

  private static String id(TestIdentifier node) {
    return checkId(methodSource(node).orElseThrow());
  }

  private static CheckFinished finished(
      TestIdentifier node,
      Status status,
      String message,
      Map<String, String> entries,
      long millis,
      String out) {
    return new CheckFinished(id(node), status, message, entries, millis, out);
  }

  private static Status status(TestExecutionResult result) {
    return switch (result.getStatus()) {
      case SUCCESSFUL -> Status.SUCCESSFUL;
      case FAILED -> Status.FAILED;
      case ABORTED -> Status.ABORTED;
    };
  }

  static String describe(TestExecutionResult result) {
    return capped(result.getThrowable().map(CheckListener::describe).orElse(""));
  }

  /**
   * At most {@link #MAX_MESSAGE_CHARS} of {@code message}, never ending inside a surrogate pair,
   * then a line {@code [... cut]}: a frame must stay well under the line limit of the grader, or
   * the check's result would be lost.
   */
  static String capped(String message) {
    if (message.length() <= MAX_MESSAGE_CHARS) {
      return message;
    }
    int end =
        Character.isHighSurrogate(message.charAt(MAX_MESSAGE_CHARS - 1))
            ? MAX_MESSAGE_CHARS - 1
            : MAX_MESSAGE_CHARS;
    return message.substring(0, end) + "\n[... cut]";
  }

  /**
   * A failure as a student should read it: an assertion's message as is (without the stack trace
   * some libraries paste into it), and any other exception with where it was thrown.
   */
  static String describe(Throwable thrown) {
    StringBuilder text = new StringBuilder(describeAlone(thrown));
    for (Throwable suppressed : thrown.getSuppressed()) {
      if (suppressed instanceof ReplayNote note) {
        text.append(System.lineSeparator()).append("  ").append(note.getMessage());
      }
    }
    return text.toString();
  }

  private static String describeAlone(Throwable thrown) {
    String message = thrown.getMessage();
    if (thrown instanceof AssertionError || thrown instanceof TestAbortedException) {
      return message == null ? thrown.getClass().getName() : withoutStackLines(message);
    }
    String where =
        thrown.getStackTrace().length == 0 ? "" : " (at " + thrown.getStackTrace()[0] + ")";
    if (thrown instanceof UnsupportedOperationException && "TODO".equals(message)) {
      return "not implemented yet: the code still throws UnsupportedOperationException(\"TODO\")"
          + where
          + System.lineSeparator()
          + "  try next: replace that TODO with your implementation";
    }
    if (thrown instanceof TimeoutException && message != null && message.contains("timed out")) {
      // JUnit's @Timeout: nothing was thrown by the student's code, it never finished.
      return "the check "
          + message.substring(message.indexOf("timed out"))
          + ": your code was still running"
          + where
          + System.lineSeparator()
          + "  try next: look for a call that never returns (a join or waitFor without a limit, a"
          + " lock never released, a read from a pipe or socket that nobody writes to)";
    }
    return "your code threw "
        + thrown.getClass().getName()
        + (message == null ? "" : ": " + message)
        + where;
  }

  private static String withoutStackLines(String message) {
    StringBuilder kept = new StringBuilder();
    int stackLines = 0;
    for (String line : message.split("\\R", -1)) {
      boolean stack =
          line.stripLeading().startsWith("at ") || line.contains("remaining lines not displayed");
      if (stack && ++stackLines > 1) {
        continue;
      }
      if (!kept.isEmpty()) {
        kept.append(System.lineSeparator());
      }
      kept.append(line);
    }
    return kept.toString().strip();
  }

  private static final class CheckState {
    final long startNanos;
    final Map<String, String> entries = new LinkedHashMap<>();
    Status status = Status.SUCCESSFUL;
    String message = "";

    CheckState(long startNanos) {
      this.startNanos = startNanos;
    }

    void record(TestExecutionResult result) {
      Status next = status(result);
      boolean worse =
          next == Status.FAILED && status != Status.FAILED
              || next == Status.ABORTED && status == Status.SUCCESSFUL;
      if (worse) {
        status = next;
        message = describe(result);
      }
    }
  }
}
