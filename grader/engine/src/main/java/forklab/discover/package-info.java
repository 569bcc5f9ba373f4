/**
 * The discover stage: finds each exercise's folder in a submission and copies its Java sources into
 * a fresh workspace, refusing symlinks, files outside the folder, oversized input, names that are
 * not valid text and overlong paths. What it refuses becomes a note for the student, never an error
 * of the grader.
 */
package forklab.discover;
