/**
 * The {@code ./forklab} command line. The only package that prints; everything it prints goes
 * through picocli's out and err writers, so tests can capture it.
 */
package forklab.cli;
