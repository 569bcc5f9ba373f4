package forklab.runner;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.slf4j.LoggerFactory;

/**
 * Keeps what the runner's libraries log out of the captured output of a check: only what the
 * submission prints may be shown as its output. Call {@link #sendTo} before {@code System.err} is
 * redirected into the capture.
 */
final class RunnerLogs {
  // Held here: java.util.logging keeps loggers weakly and would drop the handler with its logger.
  private static final Logger JUNIT = Logger.getLogger("org.junit");

  private RunnerLogs() {}

  /**
   * Sends JUnit's {@code java.util.logging} records to {@code stderr} (the runner's real standard
   * error, which the grader keeps for diagnosis) instead of whatever {@code System.err} is when
   * JUnit first logs, and starts SLF4J now, for ArchUnit, so that even a warning of SLF4J itself
   * would go there. Other loggers, such as the submission's own, are left alone.
   *
   * @return the handler it installed
   */
  static synchronized Handler sendTo(PrintStream stderr) {
    Handler handler =
        new StreamHandler(stderr, new SimpleFormatter()) {
          @Override
          public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
          }
        };
    JUNIT.setUseParentHandlers(false);
    JUNIT.addHandler(handler);
    LoggerFactory.getILoggerFactory();
    return handler;
  }
}
