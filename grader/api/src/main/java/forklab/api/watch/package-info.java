/**
 * Watchers of what the code under test does while it runs: how busy its threads keep the CPUs
 * ({@link forklab.api.watch.BusyThreads}) and which child processes it starts and leaves behind
 * ({@link forklab.api.watch.Descendants}, and {@link forklab.api.watch.SandboxProcesses} with the
 * orphans that detached from them).
 */
package forklab.api.watch;
