/**
 * The pipeline: discover, build, check architecture, run in a sandbox, score. {@link
 * forklab.engine.Grader} wires the stages; each stage lives in its own package and passes plain
 * records to the next.
 */
package forklab.engine;
