package forklab.sandbox.local;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds out once which process-isolation wrappers this machine allows. */
final class ProcessIsolation {
  private static volatile List<String> prefix;

  private ProcessIsolation() {}

  /**
   * The command prefix that puts a child in its own PID namespace and kills it with its parent, or
   * an empty list where neither works.
   */
  static List<String> prefix() {
    if (prefix == null) {
      prefix = probe();
    }
    return prefix;
  }

  private static List<String> probe() {
    List<String> result = new ArrayList<>();
    if (works(List.of("setpriv", "--pdeathsig", "KILL", "true"))) {
      result.addAll(List.of("setpriv", "--pdeathsig", "KILL"));
    }
    List<String> rootNamespace =
        List.of("unshare", "--pid", "--fork", "--kill-child", "--mount-proc");
    List<String> userNamespace =
        List.of(
            "unshare",
            "--user",
            "--map-root-user",
            "--pid",
            "--fork",
            "--kill-child",
            "--mount-proc");
    if (works(concat(rootNamespace, "true"))) {
      result.addAll(rootNamespace);
    } else if (works(concat(userNamespace, "true"))) {
      result.addAll(userNamespace);
    } else {
      return List.of();
    }
    return List.copyOf(result);
  }

  private static List<String> concat(List<String> command, String last) {
    List<String> all = new ArrayList<>(command);
    all.add(last);
    return all;
  }

  private static boolean works(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
