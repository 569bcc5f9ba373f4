package forklab.course;

/** Whether an exercise's checks must run inside the container sandbox. */
public enum SandboxNeed {
  /** Runs in either sandbox. */
  OPTIONAL,
  /** Spawns processes: when Docker is required (CI), it never runs outside a container. */
  REQUIRED
}
