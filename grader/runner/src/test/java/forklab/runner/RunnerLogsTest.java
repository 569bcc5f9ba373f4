package forklab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RunnerLogsTest {

  @Test
  void junitAndArchUnitLogToTheRunnersStderrNeverIntoTheCheckOutput() {
    ByteArrayOutputStream runnerErr = new ByteArrayOutputStream();
    ByteArrayOutputStream checkOutput = new ByteArrayOutputStream();
    PrintStream realErr = System.err;
    Handler handler = RunnerLogs.sendTo(new PrintStream(runnerErr, true, StandardCharsets.UTF_8));
    try {
      System.setErr(new PrintStream(checkOutput, true, StandardCharsets.UTF_8));
      // JUnit names each logger after the class that logs, all of them under org.junit.
      org.junit.platform.commons.logging.LoggerFactory.getLogger(
              org.junit.platform.launcher.core.LauncherFactory.class)
          .warn(() -> "a warning of JUnit's own");
      org.slf4j.LoggerFactory.getLogger("com.tngtech.archunit.core.importer")
          .warn("a warning of ArchUnit's own");
    } finally {
      System.setErr(realErr);
      Logger.getLogger("org.junit").removeHandler(handler);
      Logger.getLogger("org.junit").setUseParentHandlers(true);
    }

    assertThat(checkOutput.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(runnerErr.toString(StandardCharsets.UTF_8))
        .contains("WARNING: a warning of JUnit's own")
        .doesNotContain("a warning of ArchUnit's own", "SLF4J");
  }
}
