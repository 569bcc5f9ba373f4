package forklab.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runner reports, one event per signed frame, in this order: {@link Hello}, then either
 * one {@link Plan} or a {@link CheckStarted} and {@link CheckFinished} per check, then at most one
 * {@link Crash} or {@link Exhausted}, then {@link Done}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RunnerEvent.Hello.class, name = "hello"),
  @JsonSubTypes.Type(value = RunnerEvent.Plan.class, name = "plan"),
  @JsonSubTypes.Type(value = RunnerEvent.CheckStarted.class, name = "started"),
  @JsonSubTypes.Type(value = RunnerEvent.CheckFinished.class, name = "finished"),
  @JsonSubTypes.Type(value = RunnerEvent.Crash.class, name = "crash"),
  @JsonSubTypes.Type(value = RunnerEvent.Exhausted.class, name = "exhausted"),
  @JsonSubTypes.Type(value = RunnerEvent.Done.class, name = "done")
})
public sealed interface RunnerEvent {

  /** The runner started: the first frame, before any student class loads. */
  record Hello(String java, int cpus, boolean hardened) implements RunnerEvent {
    public Hello {
      Objects.requireNonNull(java, "java");
    }
  }

  /** The checks found, in the order they run. */
  record Plan(List<Check> checks) implements RunnerEvent {
    public Plan {
      checks = List.copyOf(checks);
    }

    /**
     * One check as JUnit discovered it.
     *
     * @param id {@code class#method}
     * @param className the binary name of its class
     * @param displayName JUnit's display name
     * @param tags its JUnit tags, sorted
     * @param grading its {@code @Graded} goal and points; null when it has none
     */
    public record Check(
        String id, String className, String displayName, List<String> tags, Grading grading) {
      public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(displayName, "displayName");
        tags = List.copyOf(tags);
      }

      public Optional<Grading> graded() {
        return Optional.ofNullable(grading);
      }
    }

    /** What {@code @Graded} says: the goal's id and the points. */
    public record Grading(String goal, double points) {
      public Grading {
        Objects.requireNonNull(goal, "goal");
      }
    }
  }

  /** A check started; its result is the runner's next frame. */
  record CheckStarted(String id) implements RunnerEvent {
    public CheckStarted {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * A check ended.
   *
   * @param id {@code class#method}
   * @param status how it ended
   * @param message the failure or abort message, empty when successful
   * @param entries the JUnit report entries it published (the forklab.* keys are measurements)
   * @param millis how long it ran
   * @param output what the submission printed while it ran (capped)
   */
  record CheckFinished(
      String id,
      Status status,
      String message,
      Map<String, String> entries,
      long millis,
      String output)
      implements RunnerEvent {
    public CheckFinished {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(output, "output");
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Duration duration() {
      return Duration.ofMillis(millis);
    }
  }

  /** How a check ended, as JUnit says. */
  enum Status {
    SUCCESSFUL,
    FAILED,
    ABORTED
  }

  /** The runner itself failed (a bug, a broken installation, hardening refused). */
  record Crash(String message) implements RunnerEvent {
    public Crash {
      Objects.requireNonNull(message, "message");
    }
  }

  /** The submission used up the JVM (heap, stack, threads). */
  record Exhausted(String message) implements RunnerEvent {
    public Exhausted {
      Objects.requireNonNull(message, "message");
    }
  }

  /** The runner's last frame: it got to its end. */
  record Done() implements RunnerEvent {}
}
