package forklab.sandbox.docker;

import java.util.Map;
import java.util.UUID;

/** The labels every sandbox container carries, which the sweeps select on. */
final class ContainerLabels {
  static final String SANDBOX = "dev.forklab.sandbox";
  static final String SESSION = "dev.forklab.session";
  static final String OWNER_PID = "dev.forklab.owner-pid";
  static final String SESSION_ID = UUID.randomUUID().toString();

  private ContainerLabels() {}

  static Map<String, String> forThisSession() {
    return Map.of(
        SANDBOX, "1", SESSION, SESSION_ID, OWNER_PID, Long.toString(ProcessHandle.current().pid()));
  }
}
