/**
 * The test-author API: what a hidden check needs to declare its points and goal, draw reproducible
 * random inputs, publish a measurement and word its feedback.
 *
 * <p>Checks are ordinary JUnit Jupiter tests. They run unchanged under Maven Surefire (against the
 * reference solutions) and under the Forklab runner (against a student's submission).
 */
package forklab.api;
