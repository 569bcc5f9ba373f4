/**
 * The seam between the grader and the check JVM: {@link forklab.protocol.RunnerInput} goes in,
 * {@link forklab.protocol.RunnerEvent}s come out, and {@link forklab.protocol.ProtocolCodec} is the
 * only place either becomes text. The signing of the events is the runner's {@code Frames}, not
 * this package's.
 */
package forklab.protocol;
