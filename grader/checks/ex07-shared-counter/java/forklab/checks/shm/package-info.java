/**
 * Hidden checks of ex07-shared-counter (shared memory across processes and threads): exact totals
 * for both ways, repeated until the counters have run side by side long enough to lose updates if
 * they can ({@code ProcessCounterChecks}, {@code ThreadCounterChecks}); real child processes that
 * do the work ({@code ChildProcessChecks}); nothing left behind ({@code LeftoverChecks}); the ratio
 * of the two costs per increment ({@code RatioChecks}); and the architecture with ArchUnit ({@code
 * ArchitectureChecks}).
 */
package forklab.checks.shm;
