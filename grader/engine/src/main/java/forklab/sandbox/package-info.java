/**
 * Where untrusted code runs: a {@link forklab.sandbox.Sandbox} starts one JVM for an {@link
 * forklab.sandbox.Execution}, isolated from the grader, streams its standard output line by line,
 * and leaves nothing behind. Implementations live in sub-packages ({@code local}, {@code docker}).
 */
package forklab.sandbox;
