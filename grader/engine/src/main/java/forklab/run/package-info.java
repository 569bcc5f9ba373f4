/**
 * The run stage: starts the runner JVM for an exercise in a {@link forklab.sandbox.Sandbox}, reads
 * back its signed frames, and hands the score stage a {@link forklab.run.RunOutcome} in which
 * forged lines and a dead JVM are facts, not crashes.
 */
package forklab.run;
