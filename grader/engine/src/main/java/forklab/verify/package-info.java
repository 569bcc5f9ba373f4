/**
 * The instructor's quality check of a course: every reference solution earns full marks, every
 * skeleton earns no hidden-check points, and every mutant loses points on a hidden check.
 */
package forklab.verify;
