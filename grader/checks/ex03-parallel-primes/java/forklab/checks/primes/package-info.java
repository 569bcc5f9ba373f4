/**
 * Hidden checks of ex03-parallel-primes (speedup with threads): correctness against the grader's
 * own sequential count ({@code CorrectnessChecks}), the speedup against a limit calibrated in the
 * same run ({@code SpeedupChecks}), the load balance from the threads' busy share and work split
 * ({@code LoadBalanceChecks}), the architecture with ArchUnit ({@code ArchitectureChecks}) and no
 * thread left running ({@code ThreadLifecycleChecks}).
 */
package forklab.checks.primes;
