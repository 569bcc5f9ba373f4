/**
 * The score stage and the plain data it hands to the report stage: a {@link
 * forklab.score.GradeResult} holds one {@link forklab.score.ExerciseResult} per exercise, each a
 * list of {@link forklab.score.CheckResult}.
 */
package forklab.score;
