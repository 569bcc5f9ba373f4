package forklab.checks.workers;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measurement;
import forklab.api.watch.Descendants;
import forklab.workers.WorkerReport;
import forklab.workers.Workers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/** {@link Workers#inProcesses}: reports, overlap and separate memory. */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessChecks {
  private static final Duration SLEEP = Duration.ofMillis(300);
  private static final Pattern FINISHED = Pattern.compile("Worker (\\d+) finished counter=(-?\\d+)");

  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name =
          "inProcesses returns one report per child in index order, with exit code 0 and the two "
              + "worker lines")
  void reportsInIndexOrder(Random random) throws Exception {
    int n = 1 + random.nextInt(4);
    Duration sleep = Duration.ofMillis(100 + random.nextInt(301));

    long start = System.nanoTime();
    List<WorkerReport> reports = Workers.inProcesses(n, sleep);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    Feedback.of("inProcesses(" + n + ", " + sleep.toMillis() + " ms) must return one report per child")
        .measured(reports == null ? "null" : reports.size() + " reports")
        .required(n + " reports")
        .tryNext("start n children and add one WorkerReport per child to the list you return")
        .failUnless(reports != null && reports.size() == n);
    for (int i = 0; i < n; i++) {
      WorkerReport report = reports.get(i);
      List<String> lines = workerLines(report.output());
      Feedback.of("report " + i + " of inProcesses(" + n + ", " + sleep.toMillis() + " ms) must be child " + i + "'s")
          .measured("index " + report.index())
          .required("index " + i + " (reports in index order)")
          .tryNext("keep the children in a list in the order you started them and build the reports in that order")
          .failUnless(report.index() == i);
      Feedback.of("child " + i + " must run WorkerMain " + i + " " + sleep.toMillis() + " and end normally")
          .measured("exit code " + report.exitCode() + ", output " + abbreviate(report.output()))
          .required("exit code 0")
          .tryNext("start the child as: <java of this JVM> -cp <System.getProperty(\"java.class.path\")> forklab.workers.WorkerMain " + i + " " + sleep.toMillis()
              + "; run WorkerMain yourself and read its stack trace if it fails")
          .failUnless(report.exitCode() == 0);
      Feedback.of("child " + i + " must print exactly two worker lines")
          .measured(abbreviate(report.output()))
          .required("\"Worker " + i + " started\" then \"Worker " + i + " finished counter=<value>\" (other JVM notes are ignored)")
          .tryNext("read the child's whole stdout, line by line, into the report; check the spelling of WorkerMain's two lines")
          .failUnless(lines.size() == 2
              && lines.get(0).equals("Worker " + i + " started")
              && FINISHED.matcher(lines.get(1)).matches()
              && lines.get(1).startsWith("Worker " + i + " finished"));
    }
    Feedback.of("inProcesses(" + n + ", " + sleep.toMillis() + " ms) must wait for its children, who each sleep " + sleep.toMillis() + " ms")
        .measured("returned after " + millis + " ms")
        .required("at least " + sleep.toMillis() + " ms")
        .tryNext("pass sleep.toMillis() to each child and wait for every child to exit (Process.waitFor())")
        .failUnless(millis >= sleep.toMillis());
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 2,
      name = "five child JVMs sleeping 300 ms overlap: well under five times one child's cost")
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void fiveSleepingChildrenOverlap(TestReporter reporter) throws Exception {
    Workers.inProcesses(1, Duration.ZERO); // warm-up: the first launch loads classes in both JVMs
    long oneChild = Long.MAX_VALUE;
    long fiveChildren = Long.MAX_VALUE;
    long limit = 0;
    List<String> attempts = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      oneChild = Math.min(oneChild, timed(1));
      long five = timed(5);
      fiveChildren = Math.min(fiveChildren, five);
      // One after another, five children cost five times one child. Side by side, the five sleeps
      // overlap, and so does start-up work on several cores; saving two of the four sleeps that
      // overlapping saves is required, which holds even on one core.
      limit = 5 * oneChild - 2 * SLEEP.toMillis();
      attempts.add("one child " + oneChild + " ms, five " + five + " ms");
      if (fiveChildren < limit) {
        break;
      }
    }
    Measurement.of(fiveChildren, "ms")
        .atMost(limit)
        .limit("one child", oneChild)
        .limit("sequential estimate", 5 * oneChild)
        .publish(reporter);

    Feedback.of("five children that each sleep 300 ms must run side by side")
        .measured(fiveChildren + " ms for five children, " + oneChild + " ms for one (" + String.join("; ", attempts) + ")")
        .required("under 5 x one child - 2 x 300 ms = " + limit + " ms (one after another would take about " + 5 * oneChild + " ms)")
        .tryNext("start all children first (ProcessBuilder.start() in a loop), then wait for them in a second loop; read their outputs on separate threads")
        .failUnless(fiveChildren < limit);
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 1,
      name = "all the children of inProcesses are alive at the same time")
  void allChildrenAliveAtOnce(Random random) throws Exception {
    int n = 3 + random.nextInt(3);
    List<WorkerReport> reports;
    int peak;
    try (Descendants.Watch watch = Descendants.Watch.start(Duration.ofMillis(20))) {
      reports = Workers.inProcesses(n, Duration.ofSeconds(1));
      peak = watch.peak();
    }
    Feedback.of("inProcesses(" + n + ", 1 s) must start all " + n + " children before waiting for any")
        .measured("at most " + peak + " child process(es) alive at once")
        .required(n + " alive at once")
        .tryNext("start every child first, then wait for them; waitFor() right after start() runs them one at a time")
        .failUnless(peak >= n);
    Feedback.of("inProcesses(" + n + ", 1 s) must return " + n + " reports")
        .measured(reports == null ? "null" : reports.size() + " reports")
        .required(n + " reports")
        .failUnless(reports != null && reports.size() == n);
  }

  @Test
  @Check(
      goal = Goal.ISOLATION,
      points = 2,
      name = "every child process has its own memory (counter=1) and its own pid, not the parent's")
  void childrenHaveTheirOwnMemoryAndPid(Random random) throws Exception {
    int n = 3 + random.nextInt(3);
    long self = ProcessHandle.current().pid();
    List<WorkerReport> reports;
    Set<Long> seen;
    try (Descendants.Watch watch = Descendants.Watch.start(Duration.ofMillis(20))) {
      reports = Workers.inProcesses(n, Duration.ofMillis(600));
      seen = watch.seen();
    }
    Feedback.of("inProcesses(" + n + ", 600 ms) must return " + n + " reports")
        .measured(reports == null ? "null" : reports.size() + " reports")
        .required(n + " reports")
        .failUnless(reports != null && reports.size() == n);

    Map<Integer, String> counters = new LinkedHashMap<>();
    for (WorkerReport report : reports) {
      String counter = "no finished line";
      for (String line : workerLines(report.output())) {
        var matcher = FINISHED.matcher(line);
        if (matcher.matches()) {
          counter = "counter=" + matcher.group(2);
        }
      }
      counters.put(report.index(), counter);
    }
    Feedback.of("each of " + n + " child JVMs has its own copy of WorkerMain's static counter, so each must print counter=1")
        .measured("finished lines per child: " + counters)
        .required("counter=1 in every child (one static counter per process, bumped once)")
        .tryNext("in WorkerMain keep a static counter starting at 0, add one after the sleep, then print it; make sure each child runs in its own JVM")
        .failUnless(counters.values().stream().allMatch("counter=1"::equals));

    Set<Long> pids = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (WorkerReport report : reports) {
      long pid = report.pid();
      if (pid == self) {
        problems.add("child " + report.index() + " reports the parent's pid " + pid);
      } else if (!seen.contains(pid)) {
        problems.add("child " + report.index() + " reports pid " + pid + ", which was never a child of this JVM");
      }
      if (!pids.add(pid)) {
        problems.add("pid " + pid + " is reported twice");
      }
    }
    Feedback.of("each report must carry the real pid of its own child process")
        .measured(problems.isEmpty() ? "fine" : String.join("; ", problems) + " (children seen: " + seen + ", this JVM: " + self + ")")
        .required(n + " distinct pids, each one of a child process this JVM started, none the parent's")
        .tryNext("use Process.pid() of the child you started for its report")
        .failUnless(problems.isEmpty());
  }

  private static long timed(int n) throws Exception {
    long start = System.nanoTime();
    List<WorkerReport> reports = Workers.inProcesses(n, SLEEP);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    Feedback.of("inProcesses(" + n + ", 300 ms) must return " + n + " reports with exit code 0")
        .measured(reports == null ? "null" : reports.size() + " reports, exit codes " + reports.stream().map(WorkerReport::exitCode).toList())
        .required(n + " reports, every exit code 0")
        .failUnless(reports != null && reports.size() == n && reports.stream().allMatch(r -> r.exitCode() == 0));
    Feedback.of("inProcesses(" + n + ", 300 ms) must wait for its children, who each sleep 300 ms")
        .measured("returned after " + millis + " ms")
        .required("at least 300 ms")
        .tryNext("pass sleep.toMillis() to each child and wait for every child to exit (Process.waitFor())")
        .failUnless(millis >= SLEEP.toMillis());
    return millis;
  }

  /** The lines a worker printed; the JVM may add notes of its own, such as "Picked up JAVA_TOOL_OPTIONS". */
  static List<String> workerLines(List<String> output) {
    return output == null ? List.of() : output.stream().filter(line -> line.startsWith("Worker ")).toList();
  }

  static String abbreviate(List<String> output) {
    String text = String.valueOf(output);
    return text.length() <= 400 ? text : text.substring(0, 400) + "...]";
  }
}
