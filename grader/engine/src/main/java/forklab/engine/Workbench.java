package forklab.engine;

import forklab.course.Course;
import forklab.files.FileTrees;
import forklab.plan.CheckSuites;
import forklab.run.RunnerLibrary;
import forklab.sandbox.Sandbox;
import forklab.sandbox.local.LocalSandbox;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Everything a command needs, made once from Forklab's home folder: the course, the runner's
 * classpath, the check-suite cache and the trusted local sandbox that lists checks.
 */
public final class Workbench implements AutoCloseable {
  private final Course course;
  private final RunnerLibrary runner;
  private final Path scratch;
  private final CheckSuites suites;

  /**
   * A workbench for the course under {@code home}, whose runner is built under {@code home} too.
   */
  public Workbench(Path home, Path scratch) {
    this(home, home, scratch);
  }

  /**
   * A workbench for the course under {@code courseHome}, with the runner and the check cache of the
   * Forklab installation under {@code forklabHome}.
   */
  public Workbench(Path forklabHome, Path courseHome, Path scratch) {
    this(
        Course.load(courseHome),
        RunnerLibrary.of(forklabHome),
        forklabHome.resolve(".forklab/cache"),
        scratch);
  }

  /** A workbench for {@code course}, with the runner and caches given separately (tests, tools). */
  public Workbench(Course course, RunnerLibrary runner, Path cache, Path scratch) {
    this.course = course;
    this.runner = runner;
    this.scratch = scratch;
    // Listing the checks loads only the course's own code: a bare child process is enough.
    this.suites = new CheckSuites(runner, cache, LocalSandbox.trusted(scratch), course.goals());
  }

  /**
   * The workbench of the Forklab installation under {@code home} for {@code course}, or for its own
   * course when {@code course} is null, with a scratch folder of this process.
   */
  public static Workbench forCourse(Path home, Path course) {
    Path forklabHome = home.toAbsolutePath().normalize();
    return new Workbench(
        forklabHome,
        course == null ? forklabHome : course.toAbsolutePath().normalize(),
        defaultScratch());
  }

  /** A scratch folder for this process under the system's temporary folder. */
  public static Path defaultScratch() {
    return Path.of(
        System.getProperty("java.io.tmpdir"), "forklab-" + ProcessHandle.current().pid());
  }

  public Course course() {
    return course;
  }

  public CheckSuites suites() {
    return suites;
  }

  public Path scratch() {
    return scratch;
  }

  /** Deletes the scratch folder and everything left in it. */
  @Override
  public void close() {
    FileTrees.deleteQuietly(scratch);
  }

  public Grader grader(Sandbox sandbox) {
    return new Grader(course, sandbox, suites, runner, scratch, Clock.systemUTC());
  }
}
