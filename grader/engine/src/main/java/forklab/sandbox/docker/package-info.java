/**
 * The container sandbox: each execution runs in its own Testcontainers-managed container with no
 * network, capped memory, pids and CPUs, a read-only root, an unprivileged user with no
 * capabilities, and files copied in rather than mounted. Containers carry a session label, so they
 * are removed without Ryuk: at the end of each run, by a shutdown hook, and by a sweep at start.
 */
package forklab.sandbox.docker;
