/**
 * Hidden checks of ex06-supervisor (crash isolation with processes): every way a task can end is
 * classified right, with the right output and exit code ({@code OutcomeChecks}); each task runs in
 * a child JVM of its own, one runAll survives all of them at once, and nothing is left behind, not
 * even a detached grandchild that ignores SIGTERM ({@code IsolationChecks}); C tasks run at once,
 * never more ({@code ParallelChecks}); and the architecture with ArchUnit ({@code
 * ArchitectureChecks}). The tasks are fixtures ({@code forklab.fixtures.supervisor}), on the class
 * path where the student's child JVM can load them by name.
 */
package forklab.checks.supervisor;
