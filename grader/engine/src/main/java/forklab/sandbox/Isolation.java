package forklab.sandbox;

/** How far a sandbox keeps the code it runs away from the grader and the machine. */
public enum Isolation {
  /**
   * A container: its own namespaces, an unprivileged user, memory, process and CPU limits (Docker).
   */
  CONTAINER,
  /**
   * Its own user, PID, network, IPC and mount namespaces with an unprivileged user, a private file
   * system view and a process limit, but no memory or CPU cgroup (bubblewrap).
   */
  NAMESPACES,
  /** A child process with an empty environment: it can read and write whatever the grader can. */
  PROCESS;

  /** Whether untrusted code may run here: anything but a bare child process. */
  public boolean containsUntrustedCode() {
    return this != PROCESS;
  }
}
