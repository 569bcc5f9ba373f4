/**
 * The architecture-check stage: reads a submission's compiled classes with ArchUnit (without
 * loading or running them) and reports every use of an API its exercise forbids.
 */
package forklab.archcheck;
