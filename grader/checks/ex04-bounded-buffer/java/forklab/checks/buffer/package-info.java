/**
 * The hidden checks of ex04-bounded-buffer: FIFO and capacity, interrupts, no lost or duplicated
 * item under stress, linearizability and lost wake-ups with Lincheck, no busy waiting (by CPU
 * time), a size() that sees other threads' puts, and the architecture.
 */
package forklab.checks.buffer;
