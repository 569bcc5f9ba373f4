/**
 * The discover stage: finds each exercise's folder in a submission and copies its Java sources into
 * a fresh workspace, refusing symlinks, files outside the folder and oversized input.
 */
package forklab.discover;
