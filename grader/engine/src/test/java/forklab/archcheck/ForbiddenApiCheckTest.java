package forklab.archcheck;

import static org.assertj.core.api.Assertions.assertThat;

import forklab.build.JavaCompilation;
import forklab.build.SourceProblem;
import forklab.course.ExerciseSpec;
import forklab.course.ForbiddenApi;
import forklab.course.Limits;
import forklab.course.SandboxNeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForbiddenApiCheckTest {
  private static final String SYSTEM_EXIT =
      "forbidden API 'system-exit' (ends the JVM (System.exit, Runtime.exit, Runtime.halt)): ";
  private static final String REFLECTION =
      "forbidden API 'reflection' (uses reflection or method handles): ";
  private static final String RESOURCES =
      "forbidden API 'resources' (reads class-path resources or creates class loaders): ";
  private static final String STACK_WALKING =
      "forbidden API 'stack-walking' (walks stacks or lists all threads' stacks): ";
  private static final String INTERNAL_APIS =
      "forbidden API 'internal-apis' (uses JDK-internal or management APIs"
          + " (sun.*, jdk.internal.*, com.sun.*, javax.management, heap dumps, attach)): ";
  private static final String NATIVE = "forbidden API 'native' (loads native code): ";
  private static final String FOREIGN_PACKAGE =
      "forbidden API 'foreign-package' (declares classes outside the exercise's package): ";
  private static final String MAIN = "forklab.demo.X.main([Ljava.lang.String;)";
  private static final String UNLISTED =
      "forbidden API 'unlisted-package' (uses a package that the exercise does not list among its allowed APIs): ";
  private static final String PROPERTIES =
      "forbidden API 'system-properties' (changes system properties"
          + " (System.setProperty, clearProperty, setProperties, getProperties)): ";
  private static final String DEFAULTS =
      "forklab.demo, java.io, java.lang, java.math, java.nio.charset, java.text,"
          + " java.time, java.time.format, java.time.temporal, java.util, java.util.concurrent,"
          + " java.util.concurrent.atomic, java.util.concurrent.locks, java.util.function, java.util.regex, java.util.stream";

  private final ForbiddenApiCheck check = new ForbiddenApiCheck();

  @TempDir Path root;

  @Test
  void reportsSystemExitWithRuleFileAndLine() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        public class X {
          public static void main(String[] args) {
            System.out.println("bye");
            System.exit(3);
          }
        }
        """);

    List<SourceProblem> violations = check.check(exercise(), classes);

    assertThat(violations)
        .containsExactly(violation(6, SYSTEM_EXIT + MAIN + " calls System.exit()"));
    assertThat(violations.getFirst().describe())
        .isEqualTo("forklab/demo/X.java:6: " + SYSTEM_EXIT + MAIN + " calls System.exit()");
  }

  @Test
  void reportsRuntimeHaltAndRuntimeExit() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        public class X {
          void stop() {
            Runtime.getRuntime().halt(1);
          }

          void end() {
            Runtime.getRuntime().exit(0);
          }
        }
        """);

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(5, SYSTEM_EXIT + "forklab.demo.X.stop() calls Runtime.halt()"),
            violation(9, SYSTEM_EXIT + "forklab.demo.X.end() calls Runtime.exit()"));
  }

  @Test
  void findsSystemExitInsideLambdasAndMethodReferences() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        import java.util.function.IntConsumer;

        public class X {
          public static void main(String[] args) {
            Runnable later = () -> System.exit(2);
            IntConsumer exit = System::exit;
            later.run();
            exit.accept(1);
          }
        }
        """);

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(7, SYSTEM_EXIT + MAIN + " calls System.exit()"),
            violation(8, SYSTEM_EXIT + MAIN + " calls System.exit()"));
  }

  /**
   * The attack: an exercise with a check library (Lincheck) runs its check JVM with Byte Buddy's
   * agent loaded, whose {@code Installer} hands out the JVM's {@code Instrumentation}, with which a
   * submission could rewrite the hidden checks' classes. A submission cannot name the library (it
   * compiles without it), and reaching it by name needs reflection and java.lang.instrument.
   */
  @Test
  void refusesASubmissionThatReachesForTheCheckLibrarysInstrumentation() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        import java.lang.instrument.Instrumentation;

        public class X {
          static Instrumentation steal() throws Exception {
            Class<?> installer =
                ClassLoader.getSystemClassLoader().loadClass("net.bytebuddy.agent.Installer");
            return (Instrumentation) installer.getMethod("getInstrumentation").invoke(null);
          }
        }
        """);

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(
                0,
                UNLISTED
                    + "X uses java.lang.instrument.Instrumentation; ex01-demo allows "
                    + DEFAULTS),
            violation(8, RESOURCES + "X uses java.lang.ClassLoader"),
            violation(9, REFLECTION + "X uses java.lang.reflect.Method"),
            violation(9, REFLECTION + "forklab.demo.X.steal() calls Class.getMethod()"));
  }

  @Test
  void reportsReflectiveCallsUseOfJavaLangReflectAndMethodHandles() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        import java.lang.invoke.MethodHandles;
        import java.lang.reflect.Field;
        import java.lang.reflect.Method;

        public class X {
          private Method cached;

          Object peek(Object target) throws Exception {
            Class<?> type = Class.forName("java.lang.Thread");
            Field field = type.getDeclaredField("name");
            field.setAccessible(true);
            Method method = target.getClass().getMethod("toString");
            return method.invoke(target);
          }

          Object lookup() {
            return MethodHandles.lookup();
          }
        }
        """);

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(0, REFLECTION + "X uses java.lang.reflect.Method"),
            violation(
                11, REFLECTION + "forklab.demo.X.peek(java.lang.Object) calls Class.forName()"),
            violation(
                12,
                REFLECTION
                    + "forklab.demo.X.peek(java.lang.Object) calls Class.getDeclaredField()"),
            violation(13, REFLECTION + "X uses java.lang.reflect.Field"),
            violation(
                14, REFLECTION + "forklab.demo.X.peek(java.lang.Object) calls Class.getMethod()"),
            violation(15, REFLECTION + "X uses java.lang.reflect.Method"),
            violation(19, REFLECTION + "X uses java.lang.invoke.MethodHandles"));
  }

  @Test
  void reportsClassPathResourceReads() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        import java.io.InputStream;

        public class X {
          InputStream answers() {
            return getClass().getResourceAsStream("/forklab/checks/answers.txt");
          }

          Object loader() {
            return X.class.getClassLoader();
          }
        }
        """);

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(7, RESOURCES + "forklab.demo.X.answers() calls Class.getResourceAsStream()"),
            violation(11, RESOURCES + "forklab.demo.X.loader() calls Class.getClassLoader()"));
  }

  @Test
  void reportsStackWalkingAndListingAllThreadsStacks() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        public class X {
          int threads() {
            return Thread.getAllStackTraces().size();
          }

          long frames() {
            return StackWalker.getInstance().walk(frames -> frames.count());
          }
        }
        """);

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(
                5, STACK_WALKING + "forklab.demo.X.threads() calls Thread.getAllStackTraces()"),
            violation(9, STACK_WALKING + "X uses java.lang.StackWalker"));
  }

  @Test
  void reportsAHeapDumpThroughThePlatformMBeanServer() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        import java.lang.management.ManagementFactory;

        public class X {
          void dump() throws Exception {
            ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=HotSpotDiagnostic"),
                "dumpHeap", new Object[] {"/tmp/heap.hprof", true}, new String[] {"java.lang.String", "boolean"});
          }
        }
        """);

    assertThat(check.check(exercise(), classes))
        .extracting(problem -> problem.message())
        .contains(
            INTERNAL_APIS
                + "forklab.demo.X.dump() calls ManagementFactory.getPlatformMBeanServer()")
        .anyMatch(message -> message.startsWith(INTERNAL_APIS + "X uses javax.management."));
  }

  @Test
  void reportsSunMiscUnsafeAndComSunManagement() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        import java.lang.management.ManagementFactory;

        public class X {
          Object unsafe() {
            return sun.misc.Unsafe.class;
          }

          double load() {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return os.getProcessCpuLoad();
          }
        }
        """);

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(7, INTERNAL_APIS + "X uses sun.misc.Unsafe"),
            violation(
                11,
                UNLISTED
                    + "X uses java.lang.management.ManagementFactory; ex01-demo allows "
                    + DEFAULTS),
            violation(12, INTERNAL_APIS + "X uses com.sun.management.OperatingSystemMXBean"));
  }

  @Test
  void refusesJavaBeansExpressionWhichCallsMethodsByNameAroundTheReflectionRules()
      throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        import java.beans.Expression;

        public class X {
          Object checks() throws Exception {
            Expression loader = new Expression(X.class, "getClassLoader", new Object[0]);
            return new Expression(loader.getValue(), "getResourceAsStream", new Object[] {"Checks.class"}).getValue();
          }
        }
        """);

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(7, UNLISTED + "X uses java.beans.Expression; ex01-demo allows " + DEFAULTS),
            violation(8, UNLISTED + "X uses java.beans.Expression; ex01-demo allows " + DEFAULTS));
  }

  @Test
  void refusesChangingSystemPropertiesWhichOnceCarriedTheSeedAndTheCalibration()
      throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        public class X {
          static {
            System.setProperty("forklab.seed", "7");
            System.clearProperty("forklab.calibration");
            System.setProperties(new java.util.Properties());
            System.getProperties().put("forklab.seed", "8");
          }

          String read() {
            return System.getProperty("user.home");
          }
        }
        """);

    String where = "forklab.demo.X.<clinit>() calls ";
    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(5, PROPERTIES + where + "System.setProperty()"),
            violation(6, PROPERTIES + where + "System.clearProperty()"),
            violation(7, PROPERTIES + where + "System.setProperties()"),
            violation(8, PROPERTIES + where + "System.getProperties()"));
  }

  @Test
  void classByNameAllowsInstantiatingAGivenClassButNoOtherReflection() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        import java.lang.reflect.Constructor;

        public class X {
          Object make(String name) throws Exception {
            try {
              return Class.forName(name).asSubclass(Runnable.class).getConstructor().newInstance();
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw new IllegalStateException(e.getCause());
            }
          }

          Object pry(String name) throws Exception {
            Constructor<?> hidden = Class.forName(name).getDeclaredConstructor();
            hidden.setAccessible(true);
            return hidden.newInstance();
          }
        }
        """);

    assertThat(check.check(exercise(ForbiddenApi.CLASS_BY_NAME), classes))
        .containsExactly(
            violation(
                15,
                REFLECTION
                    + "forklab.demo.X.pry(java.lang.String) calls Class.getDeclaredConstructor()"),
            violation(
                16,
                REFLECTION
                    + "forklab.demo.X.pry(java.lang.String) calls Constructor.setAccessible()"));
    assertThat(check.check(exercise(), classes))
        .contains(
            violation(
                8, REFLECTION + "forklab.demo.X.make(java.lang.String) calls Class.forName()"),
            violation(8, REFLECTION + "X uses java.lang.reflect.Constructor"));
  }

  @Test
  void anExerciseThatListsAPackageMayUseIt() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        public class X {
          Object address() throws Exception {
            return java.net.InetAddress.getLoopbackAddress();
          }
        }
        """);
    ExerciseSpec listsJavaNet =
        new ExerciseSpec(
            "ex01-demo",
            "Demo",
            "forklab.demo",
            1,
            1,
            Limits.DEFAULTS,
            SandboxNeed.OPTIONAL,
            Set.of(),
            Path.of("unused"),
            Path.of("unused"),
            Path.of("unused"),
            List.of(),
            false,
            Set.of("java.net"),
            List.of());

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(5, UNLISTED + "X uses java.net.InetAddress; ex01-demo allows " + DEFAULTS));
    assertThat(check.check(listsJavaNet, classes)).isEmpty();
  }

  /**
   * An exercise that lists a JDK package the internal-apis rule covers (ex08's web server:
   * com.sun.net.httpserver) may use that package; its sub-packages, the rest of com.sun.* and sun.*
   * stay refused, and an exercise that does not list it refuses it.
   */
  @Test
  void aListedPackageUnderComSunIsAllowedButOnlyThatPackage() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        import com.sun.net.httpserver.HttpExchange;
        import com.sun.net.httpserver.HttpServer;
        import java.net.InetSocketAddress;

        public class X {
          static HttpServer serve() throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", X::answer);
            server.start();
            return server;
          }

          static void answer(HttpExchange exchange) throws java.io.IOException {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          }

          Object provider() {
            return com.sun.net.httpserver.spi.HttpServerProvider.provider();
          }

          Object unsafe() {
            return sun.misc.Unsafe.class;
          }

          Object bean() {
            return com.sun.management.OperatingSystemMXBean.class;
          }
        }
        """);
    ExerciseSpec listsTheServer =
        new ExerciseSpec(
            "ex01-demo",
            "Demo",
            "forklab.demo",
            1,
            1,
            Limits.DEFAULTS,
            SandboxNeed.OPTIONAL,
            Set.of(),
            Path.of("unused"),
            Path.of("unused"),
            Path.of("unused"),
            List.of(),
            false,
            Set.of("com.sun.net.httpserver", "java.net"),
            List.of());

    assertThat(check.check(listsTheServer, classes))
        .containsExactly(
            violation(21, INTERNAL_APIS + "X uses com.sun.net.httpserver.spi.HttpServerProvider"),
            violation(25, INTERNAL_APIS + "X uses sun.misc.Unsafe"),
            violation(29, INTERNAL_APIS + "X uses com.sun.management.OperatingSystemMXBean"));
    assertThat(check.check(exercise(), classes))
        .extracting(SourceProblem::message)
        .contains(
            INTERNAL_APIS + "X uses com.sun.net.httpserver.HttpServer",
            INTERNAL_APIS + "X uses com.sun.net.httpserver.HttpExchange");
  }

  @Test
  void reportsLoadingNativeLibraries() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        public class X {
          static {
            System.loadLibrary("fast");
          }
        }
        """);

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(5, NATIVE + "forklab.demo.X.<clinit>() calls System.loadLibrary()"));
  }

  @Test
  void reportsClassesInAnotherPackageIncludingSubPackages() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java", "package forklab.demo; public class X {}",
            "forklab/other/Y.java",
                "package forklab.other; public class Y { void f() { System.exit(1); } }",
            "forklab/demo/util/U.java", "package forklab.demo.util; public class U {}",
            "Loose.java", "public class Loose {}");

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(
                "Loose.java",
                0,
                FOREIGN_PACKAGE + "class Loose is not in package forklab.demo; move it there"),
            violation(
                "forklab/demo/util/U.java",
                0,
                FOREIGN_PACKAGE
                    + "class forklab.demo.util.U is not in package forklab.demo; move it there"),
            violation(
                "forklab/other/Y.java",
                0,
                FOREIGN_PACKAGE
                    + "class forklab.other.Y is not in package forklab.demo; move it there"));
  }

  @Test
  void namesTheSourceFileOfNestedClasses() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        public class X {
          static class Inner {
            void stop() {
              System.exit(1);
            }
          }
        }
        """);

    assertThat(check.check(exercise(), classes))
        .containsExactly(
            violation(6, SYSTEM_EXIT + "forklab.demo.X$Inner.stop() calls System.exit()"));
  }

  @Test
  void sortsViolationsByFileThenLineAndCapsThem() throws IOException {
    StringBuilder body =
        new StringBuilder("package forklab.demo;\npublic class B {\n  void f() {\n");
    for (int i = 0; i < 30; i++) {
      body.append("    System.exit(").append(i).append(");\n");
    }
    Path classes =
        compile(
            "forklab/demo/B.java",
            body.append("  }\n}\n").toString(),
            "forklab/demo/A.java",
            "package forklab.demo;\npublic class A {\n  void f() {\n    System.loadLibrary(\"a\");\n  }\n}\n");

    List<SourceProblem> violations = check.check(exercise(), classes);

    assertThat(violations).hasSize(ForbiddenApiCheck.MAX_VIOLATIONS);
    assertThat(violations.getFirst())
        .isEqualTo(
            violation(
                "forklab/demo/A.java",
                4,
                NATIVE + "forklab.demo.A.f() calls System.loadLibrary()"));
    List<Long> lines =
        violations.subList(1, violations.size()).stream().map(SourceProblem::line).toList();
    assertThat(lines).isEqualTo(java.util.stream.LongStream.rangeClosed(4, 22).boxed().toList());
  }

  @Test
  void findsNothingInCleanConcurrentCode() throws IOException {
    Path classes = compile("forklab/demo/Clean.java", CLEAN);

    assertThat(classes.resolve("forklab/demo/Clean$Result.class")).isRegularFile();
    assertThat(check.check(exercise(), classes)).isEmpty();
  }

  @Test
  void anExerciseThatAllowsSystemExitGetsNoSystemExitViolationButStillTheOthers()
      throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        public class X {
          public static void main(String[] args) throws Exception {
            Class.forName("forklab.demo.X");
            System.exit(1);
          }
        }
        """);

    assertThat(check.check(exercise(ForbiddenApi.SYSTEM_EXIT), classes))
        .containsExactly(violation(5, REFLECTION + MAIN + " calls Class.forName()"));
    assertThat(check.check(exercise(ForbiddenApi.SYSTEM_EXIT, ForbiddenApi.REFLECTION), classes))
        .isEmpty();
  }

  @Test
  void anAllowedRuleCoversBothItsCallsAndItsTypes() throws IOException {
    Path classes =
        compile(
            "forklab/demo/X.java",
            """
        package forklab.demo;

        public class X {
          long frames() {
            Thread.getAllStackTraces();
            return StackWalker.getInstance().walk(frames -> frames.count());
          }
        }
        """);

    assertThat(check.check(exercise(ForbiddenApi.STACK_WALKING), classes)).isEmpty();
  }

  @Test
  void findsNothingInAFolderThatDoesNotExist() {
    assertThat(check.check(exercise(), root.resolve("no-classes"))).isEmpty();
  }

  private static final String CLEAN =
      """
      package forklab.demo;

      import java.io.IOException;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.Map;
      import java.util.concurrent.CompletableFuture;
      import java.util.concurrent.ConcurrentHashMap;
      import java.util.concurrent.CountDownLatch;
      import java.util.concurrent.ExecutorService;
      import java.util.concurrent.Executors;
      import java.util.concurrent.Future;
      import java.util.concurrent.TimeUnit;
      import java.util.concurrent.atomic.AtomicLong;
      import java.util.concurrent.locks.Condition;
      import java.util.concurrent.locks.ReentrantLock;
      import java.util.concurrent.locks.ReentrantReadWriteLock;
      import java.util.stream.Collectors;

      public class Clean implements AutoCloseable {
        public record Result(String name, long value) implements Comparable<Result> {
          public Result {
            if (name == null) {
              throw new IllegalArgumentException("name");
            }
          }

          @Override
          public int compareTo(Result other) {
            return Long.compare(value, other.value);
          }
        }

        public enum Mode { THREADS, PROCESSES }

        sealed interface Shape permits Circle, Square {}

        record Circle(double r) implements Shape {}

        record Square(double side) implements Shape {}

        private final Object monitor = new Object();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition ready = lock.newCondition();
        private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        private final ExecutorService pool = Executors.newFixedThreadPool(2);
        private int counter;

        public synchronized void increment() {
          counter++;
        }

        public List<Result> runThreads(int n) throws Exception {
          List<Future<Result>> futures = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            int id = i;
            futures.add(pool.submit(() -> new Result("worker-" + id, Thread.currentThread().threadId())));
          }
          List<Result> results = new ArrayList<>();
          for (Future<Result> future : futures) {
            results.add(future.get(5, TimeUnit.SECONDS));
          }
          CountDownLatch latch = new CountDownLatch(1);
          Thread worker = new Thread(() -> {
            increment();
            latch.countDown();
          }, "worker");
          worker.setDaemon(true);
          worker.start();
          latch.await();
          worker.join();
          Thread virtual = Thread.ofVirtual().name("v").start(this::increment);
          virtual.join();
          synchronized (monitor) {
            counter += results.size();
            monitor.notifyAll();
          }
          lock.lock();
          try {
            ready.signalAll();
          } finally {
            lock.unlock();
          }
          rw.readLock().lock();
          rw.readLock().unlock();
          counts.computeIfAbsent("runs", key -> new AtomicLong()).incrementAndGet();
          results.sort(null);
          assert counter >= 0 : "counter " + counter;
          return results;
        }

        public String runProcess(String javaBinary) throws IOException, InterruptedException {
          ProcessBuilder builder = new ProcessBuilder(javaBinary, "-version").redirectErrorStream(true);
          Process process = builder.start();
          String output;
          try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          }
          if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
          }
          long pid = process.pid() + ProcessHandle.current().pid();
          return output + pid + process.exitValue() + Runtime.getRuntime().availableProcessors();
        }

        public String describe(Object value, Mode mode) {
          String kind = switch (mode) {
            case THREADS -> "threads";
            case PROCESSES -> "processes";
          };
          switch (mode) {
            case THREADS:
              kind += "!";
              break;
            default:
              break;
          }
          String text = switch (value) {
            case Integer i when i > 10 -> "big " + i;
            case Integer i -> "small " + i;
            case Result(String name, long v) -> name + "=" + v;
            case String s -> s.strip();
            default -> String.valueOf(value);
          };
          String area = describeShape(new Circle(1));
          return String.format("%s %s %s %d", kind, text, area, System.nanoTime())
              + Mode.valueOf("THREADS") + Mode.values().length
              + CompletableFuture.supplyAsync(() -> 1, pool).join()
              + List.of(3, 1, 2).stream().map(String::valueOf).collect(Collectors.joining(","));
        }

        static String describeShape(Shape shape) {
          return switch (shape) {
            case Circle c -> "circle " + Math.PI * c.r() * c.r();
            case Square s -> "square " + s.side() * s.side();
          };
        }

        @Override
        public void close() throws InterruptedException {
          pool.shutdownNow();
          if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            Thread.currentThread().interrupt();
          }
          Runnable anonymous = new Runnable() {
            @Override
            public void run() {
              counter = 0;
            }
          };
          anonymous.run();
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
          }
        }
      }
      """;

  private Path compile(String... pathsAndTexts) throws IOException {
    Path src = root.resolve("src");
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      Path file = src.resolve(pathsAndTexts[i]);
      Files.createDirectories(file.getParent());
      sources.add(Files.writeString(file, pathsAndTexts[i + 1]));
    }
    // In this JVM, for speed: what the check sees is the class files, however they were made.
    Path classes = Files.createDirectories(root.resolve("classes"));
    List<String> arguments =
        new ArrayList<>(List.of("--release", JavaCompilation.RELEASE, "-d", classes.toString()));
    sources.forEach(source -> arguments.add(source.toString()));
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    int status =
        javax.tools.ToolProvider.getSystemJavaCompiler()
            .run(null, null, errors, arguments.toArray(String[]::new));
    assertThat(status).as("compile errors: %s", errors).isZero();
    return classes;
  }

  private static ExerciseSpec exercise(ForbiddenApi... allowed) {
    Set<ForbiddenApi> rules = EnumSet.noneOf(ForbiddenApi.class);
    rules.addAll(List.of(allowed));
    Path none = Path.of("unused");
    return new ExerciseSpec(
        "ex01-demo",
        "Demo",
        "forklab.demo",
        1,
        1,
        Limits.DEFAULTS,
        SandboxNeed.OPTIONAL,
        rules,
        none,
        none,
        none);
  }

  private static SourceProblem violation(long line, String message) {
    return violation("forklab/demo/X.java", line, message);
  }

  private static SourceProblem violation(String file, long line, String message) {
    return new SourceProblem(file, line, 0, message, "");
  }
}
