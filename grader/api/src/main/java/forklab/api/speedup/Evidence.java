package forklab.api.speedup;

/**
 * What parallelism the candidate showed while it ran.
 *
 * @param cpuPerWall the JVM's CPU time over wall time during the candidate's runs (median): about C
 *     for C busy threads, about 1 for sequential code
 * @param busyThreads the most threads seen using at least half a CPU at once (median over runs,
 *     sampled every 10 ms)
 */
public record Evidence(double cpuPerWall, double busyThreads) {
  public static final Evidence NONE = new Evidence(Double.NaN, Double.NaN);
}
