/**
 * Hidden checks of ex05-pipes (work shared between processes over pipes): right answers in input
 * order ({@code CorrectnessChecks}); malformed lines refused before any work is sent ({@code
 * MalformedInputChecks}); the work in the worker JVMs, not in the parent ({@code IsolationChecks});
 * the speedup of two workers over one ({@code SpeedupChecks}); a killed worker replaced without a
 * lost answer ({@code ResilienceChecks}); close and its aftermath ({@code LifecycleChecks}); and the
 * architecture with ArchUnit ({@code ArchitectureChecks}).
 */
package forklab.checks.pipes;
