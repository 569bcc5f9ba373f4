/**
 * The main class of the JVM that runs one exercise's checks against a submission.
 *
 * <p>The grader starts it with the checks and the student's classes on the classpath and writes a
 * {@link forklab.protocol.RunnerInput} to its standard input. Results go back as {@link
 * forklab.protocol.RunnerEvent}s in signed {@link forklab.runner.Frames frames} on standard output;
 * the signing key arrives on standard input before any student class is loaded, so nothing the
 * submission prints can pass for a result.
 */
package forklab.runner;
