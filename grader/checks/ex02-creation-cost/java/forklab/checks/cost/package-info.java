/**
 * Hidden checks of ex02-creation-cost (what a thread and a process cost to create): what
 * threadNanos and processNanos really start ({@code CreationChecks}), their figures against the
 * grader's own measurement in the same rounds ({@code AgreementChecks}), threadPerTask and pooled
 * running every task on the threads they promise and timing it ({@code TaskChecks}), the pool shut
 * down on return ({@code PoolLifecycleChecks}), the two ratio goals through the ratio judge ({@code
 * RatioChecks}) and the architecture with ArchUnit ({@code ArchitectureChecks}).
 */
package forklab.checks.cost;
