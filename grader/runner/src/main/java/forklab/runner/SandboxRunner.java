package forklab.runner;

import forklab.api.Grade;
import forklab.api.speedup.Calibration;
import forklab.protocol.ProtocolCodec;
import forklab.protocol.ProtocolException;
import forklab.protocol.RunnerEvent;
import forklab.protocol.RunnerEvent.CheckFinished;
import forklab.protocol.RunnerEvent.CheckStarted;
import forklab.protocol.RunnerEvent.Crash;
import forklab.protocol.RunnerEvent.Done;
import forklab.protocol.RunnerEvent.Exhausted;
import forklab.protocol.RunnerEvent.Hello;
import forklab.protocol.RunnerEvent.Plan;
import forklab.protocol.RunnerEvent.Status;
import forklab.protocol.RunnerInput;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Entry point of the check JVM. Reads its {@link RunnerInput} from standard input, then either
 * lists the checks ({@code PLAN}) or runs them ({@code RUN}), writing each {@link RunnerEvent} as a
 * signed frame to the real standard output. Ends with {@code halt}, so a thread the submission left
 * running cannot keep the JVM alive.
 */
public final class SandboxRunner {
  /** The JUnit configuration parameter the seed travels in (see the API's seed extension). */
  static final String SEED_PARAMETER = "forklab.seed";

  private final RunnerInput input;
  private final CheckClasses checks;
  private final Frames frames;
  private final PrintStream channel;
  private long sequence;

  private SandboxRunner(RunnerInput input, PrintStream channel) {
    this.input = input;
    this.checks = new CheckClasses(input.checks(), SandboxRunner.class.getClassLoader());
    this.frames = new Frames(input.key());
    this.channel = channel;
  }

  public static void main(String[] args) throws Exception {
    PrintStream channel =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    RunnerInput input = readInput();
    System.setIn(new ByteArrayInputStream(new byte[0]));
    SandboxRunner runner = new SandboxRunner(input, channel);
    runner.emit(
        new Hello(
            Runtime.version().toString(),
            Runtime.getRuntime().availableProcessors(),
            input.harden()));
    Thread.currentThread().setContextClassLoader(runner.checks);
    int status = 0;
    try {
      if (input.harden()) {
        harden();
      }
      if (input.mode() == RunnerInput.Mode.PLAN) {
        runner.plan();
      } else {
        runner.run();
      }
    } catch (VirtualMachineError exhausted) {
      // The submission used up the JVM (heap, stack, threads): its doing, not the runner's.
      runner.emit(new Exhausted(CheckListener.capped(String.valueOf(exhausted))));
      status = 71;
    } catch (Throwable failure) {
      runner.emit(new Crash(CheckListener.capped(String.valueOf(failure))));
      status = 70;
    } finally {
      runner.emit(new Done());
      channel.flush();
      ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
      Runtime.getRuntime().halt(status);
    }
  }

  /**
   * Makes this JVM non-dumpable through the hardening module, the only code here with native
   * access. It is on the module path, which a release-21 runner reaches by name.
   */
  private static void harden() throws ReflectiveOperationException {
    Class<?> hardening = Class.forName("forklab.hardening.ProcessHardening");
    try {
      hardening.getMethod("denyMemoryAccess").invoke(null);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "hardening the check JVM failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** From the input file, deleted at once so the submission never sees the key, or from stdin. */
  private static RunnerInput readInput() throws IOException, ProtocolException {
    String inputFile = System.getProperty(RunnerInput.INPUT_FILE_PROPERTY);
    if (inputFile == null) {
      return readInput(
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }
    Path path = Path.of(inputFile);
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return readInput(in);
    } finally {
      Files.deleteIfExists(path);
    }
  }

  /** The input on the first line of {@code in}, which is read no further. */
  static RunnerInput readInput(BufferedReader in) throws IOException, ProtocolException {
    String line = in.readLine();
    if (line == null) {
      throw new IOException("no input: the grader sent nothing");
    }
    return ProtocolCodec.decodeInput(line);
  }

  private void plan() {
    TestPlan plan = launcher().discover(request());
    List<Plan.Check> checks = new ArrayList<>();
    for (TestIdentifier node : checks(plan)) {
      MethodSource source = (MethodSource) node.getSource().orElseThrow();
      checks.add(
          new Plan.Check(
              CheckListener.checkId(source),
              source.getClassName(),
              node.getDisplayName(),
              node.getTags().stream().map(tag -> tag.getName()).sorted().toList(),
              graded(source)
                  .map(graded -> new Plan.Grading(graded.goal(), graded.points()))
                  .orElse(null)));
    }
    emit(new Plan(checks));
  }

  private void run() throws InterruptedException {
    // Jackson builds a serializer per event type on first use: do it now, before any student class
    // is loaded, so it happens neither inside a check's time nor next to the submission's classes.
    ProtocolCodec.encode(new CheckStarted(""));
    ProtocolCodec.encode(new CheckFinished("", Status.SUCCESSFUL, "", Map.of(), 0, ""));
    // Before any check runs, so before any student class is loaded; fixed once, so nothing the
    // submission does later can change it.
    Calibration.fixAtStart(
        input.calibrate()
            ? Optional.of(Calibration.measure(Runtime.getRuntime().availableProcessors()))
            : Optional.empty());
    RunnerLogs.sendTo(System.err);
    OutputCapture output = new OutputCapture(input.limits().outputLimitBytes());
    PrintStream captured = new PrintStream(output, true, StandardCharsets.UTF_8);
    System.setOut(captured);
    System.setErr(captured);
    launcher().execute(request(), new CheckListener(this::emit, output));
  }

  private LauncherDiscoveryRequest request() {
    try {
      return request(input, checks.classes());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("a check class cannot be loaded: " + e.getMessage(), e);
    }
  }

  /**
   * The discovery request for {@code classes}: only what the grader sent configures it (no
   * configuration files, no system properties, no auto-detected extensions).
   */
  static LauncherDiscoveryRequest request(RunnerInput input, List<Class<?>> classes) {
    List<DiscoverySelector> selectors = new ArrayList<>();
    for (Class<?> type : classes) {
      if (type.getEnclosingClass() == null) {
        selectors.add(DiscoverySelectors.selectClass(type));
      }
    }
    Set<String> wanted = Set.copyOf(input.only());
    PostDiscoveryFilter onlyWanted =
        descriptor -> {
          var source =
              descriptor
                  .getSource()
                  .filter(MethodSource.class::isInstance)
                  .map(MethodSource.class::cast);
          boolean keep =
              wanted.isEmpty()
                  || source.isEmpty()
                  || wanted.contains(CheckListener.checkId(source.get()));
          return keep ? FilterResult.included("wanted") : FilterResult.excluded("not asked for");
        };
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .filters(onlyWanted)
        .enableImplicitConfigurationParameters(false)
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
        .configurationParameter(SEED_PARAMETER, Long.toString(input.seed()))
        .configurationParameter(
            "junit.jupiter.execution.timeout.default", input.limits().testTimeoutSeconds() + " s")
        .configurationParameter(
            "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .configurationParameter(
            "junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName")
        .build();
  }

  static Launcher launcher() {
    return LauncherFactory.create(
        LauncherConfig.builder()
            .enableTestEngineAutoRegistration(false)
            .enableLauncherSessionListenerAutoRegistration(false)
            .enableLauncherDiscoveryListenerAutoRegistration(false)
            .enablePostDiscoveryFilterAutoRegistration(false)
            .enableTestExecutionListenerAutoRegistration(false)
            .addTestEngines(new JupiterTestEngine())
            .build());
  }

  private static List<TestIdentifier> checks(TestPlan plan) {
    List<TestIdentifier> checks = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier node : plan.getDescendants(root)) {
        boolean isMethod = node.getSource().filter(MethodSource.class::isInstance).isPresent();
        boolean parentIsMethod =
            plan.getParent(node)
                .flatMap(TestIdentifier::getSource)
                .filter(MethodSource.class::isInstance)
                .isPresent();
        if (isMethod && !parentIsMethod && seen.add(node.getUniqueId())) {
          checks.add(node);
        }
      }
    }
    return checks;
  }

  private static Optional<Grade> graded(MethodSource source) {
    return Grade.of(source.getJavaMethod());
  }

  /**
   * The exit status when the result channel broke (the submission closed the real standard output):
   * nothing more can be reported, so the runner stops at once and says so this way.
   */
  public static final int CHANNEL_BROKEN = 72;

  private synchronized void emit(RunnerEvent event) {
    channel.print('\n');
    channel.println(frames.frame(sequence++, ProtocolCodec.encode(event)));
    channel.flush();
    if (channel.checkError()) {
      Runtime.getRuntime().halt(CHANNEL_BROKEN);
    }
  }
}
