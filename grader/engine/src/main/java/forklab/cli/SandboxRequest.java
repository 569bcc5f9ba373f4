package forklab.cli;

import forklab.sandbox.docker.TestcontainersEnvironment;

/**
 * Which sandbox a command asks for.
 *
 * @param choice {@code --sandbox}
 * @param image {@code --sandbox-image}
 * @param testcontainers what Testcontainers reads from the process environment
 * @param requireIsolation refuse a bare child process (untrusted code in CI)
 */
record SandboxRequest(
    SandboxChoice choice,
    String image,
    TestcontainersEnvironment testcontainers,
    boolean requireIsolation) {}
