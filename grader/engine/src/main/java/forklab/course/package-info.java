/**
 * The course: the exercises the grader knows, read from their descriptors ({@code
 * grader/checks/<id>/exercise.yaml}) under Forklab's home folder. Nothing in the engine names a
 * particular exercise; everything it needs to know comes from here.
 */
package forklab.course;
