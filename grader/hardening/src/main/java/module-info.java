/**
 * Hardening of the check JVM, the only module there with native access. See {@link
 * forklab.hardening.ProcessHardening}.
 */
module forklab.hardening {
  exports forklab.hardening;
}
