/**
 * The local sandbox: a child JVM with an empty environment, a private work folder and, where Linux
 * allows it, its own PID namespace, so that killing it kills every process it started.
 */
package forklab.sandbox.local;
