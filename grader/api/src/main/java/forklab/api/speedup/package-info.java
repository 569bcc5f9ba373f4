/**
 * The calibrated speedup judge: measures a parallel candidate against the grader's own sequential
 * baseline and against what a perfectly parallel kernel reaches on the same CPUs in the same run,
 * and answers PASS, FAIL or NOT JUDGED HERE. See {@link forklab.api.speedup.SpeedupJudge}.
 */
package forklab.api.speedup;
