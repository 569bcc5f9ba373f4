package forklab.course;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An {@code exercise.yaml} as written, bound by Jackson: every key the file may hold is a component
 * here, so an unknown key, a value of the wrong type or a missing {@code package} is refused with
 * its line and column. Absent keys are null; {@link Course} applies the defaults.
 */
record Descriptor(
    String id,
    String title,
    @JsonProperty(value = "package", required = true) String packageName,
    Points points,
    LimitKeys limits,
    SandboxNeed sandbox,
    List<String> allow,
    List<String> packages,
    @JsonProperty("jvm-options") List<String> jvmOptions,
    Boolean calibrate,
    List<String> libraries) {

  /** The {@code points:} section. */
  record Points(Double compile, @JsonProperty("public-test") Double publicTest) {}

  /** The {@code limits:} section; see {@link Limits}. */
  record LimitKeys(
      @JsonProperty("time-limit-seconds") Integer timeLimitSeconds,
      @JsonProperty("test-timeout-seconds") Integer testTimeoutSeconds,
      @JsonProperty("heap-mb") Integer heapMb,
      @JsonProperty("output-kib") Integer outputKib,
      @JsonProperty("memory-mb") Integer memoryMb,
      Integer pids,
      Integer cpus) {

    /** These limits, each missing one taken from {@code defaults}. */
    Limits over(Limits defaults) {
      return new Limits(
          or(timeLimitSeconds, defaults.timeLimitSeconds()),
          or(testTimeoutSeconds, defaults.testTimeoutSeconds()),
          or(heapMb, defaults.heapMb()),
          or(outputKib, defaults.outputKib()),
          or(memoryMb, defaults.memoryMb()),
          or(pids, defaults.pids()),
          or(cpus, defaults.cpus()));
    }
  }

  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
