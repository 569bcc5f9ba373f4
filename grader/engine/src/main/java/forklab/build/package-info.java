/**
 * The build stage: compiles sources in process with {@code javax.tools}, turning every error into a
 * located, student-readable {@link forklab.build.SourceProblem} instead of an exception.
 */
package forklab.build;
