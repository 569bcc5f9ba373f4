/**
 * The check suite of an exercise: its public tests and hidden checks compiled against the skeleton,
 * and the list of graded checks with their points, found by running the runner in {@code plan} mode
 * on trusted code only. Built once per change of the course and cached.
 */
package forklab.plan;
