package forklab.build;

import forklab.files.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles Java sources to one Java release in a separate JVM with a time limit, so that source
 * code made to keep javac busy (or to crash it) costs its own exercise and never the grader. The
 * compiler sees only the JDK, the given class path and the sources' own root: an empty class path
 * is an empty folder, never the working folder.
 */
public final class JavaCompilation {
  public static final int MAX_ERRORS = 20;
  public static final String RELEASE = "21";

  /** How long compiling one exercise may take unless told otherwise. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

  private static final int STDERR_KEPT = 2_000;

  private final Duration timeLimit;

  public JavaCompilation() {
    this(DEFAULT_TIME_LIMIT);
  }

  public JavaCompilation(Duration timeLimit) {
    this.timeLimit = timeLimit;
  }

  /**
   * Compiles {@code sources} into {@code classes} against {@code classpath}. Problems are reported
   * relative to {@code sourceRoot}; running out of time or crashing the compiler is a problem too.
   *
   * @throws IOException when the compiler process cannot start, compile or answer: not the sources'
   *     fault
   */
  public CompileResult compile(
      List<Path> sources, Path sourceRoot, List<Path> classpath, Path classes)
      throws IOException, InterruptedException {
    Files.createDirectories(classes);
    if (sources.isEmpty()) {
      return new CompileResult(true, classes, List.of());
    }
    Path nothing = Files.createTempDirectory("forklab-javac-");
    try {
      return run(
          new CompilerProcess.Request(
              sources.stream().map(Path::toString).toList(),
              sourceRoot.toString(),
              classpath.stream().map(Path::toString).toList(),
              classes.toString(),
              nothing.toString()),
          classes,
          nothing);
    } finally {
      FileTrees.deleteQuietly(nothing);
    }
  }

  private CompileResult run(CompilerProcess.Request request, Path classes, Path workingFolder)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss4m",
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                CompilerProcess.class.getName())
            .directory(workingFolder.toFile())
            .start();
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    Thread readAnswer = copier(process.getInputStream(), answer, Integer.MAX_VALUE);
    Thread readErrors = copier(process.getErrorStream(), errors, STDERR_KEPT);
    try (OutputStream in = process.getOutputStream()) {
      in.write(CompilerProcess.encode(request).getBytes(StandardCharsets.UTF_8));
    }
    boolean finished = process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor();
      readAnswer.join(1000);
      readErrors.join(1000);
      String limit =
          timeLimit.toMillis() % 1000 == 0
              ? timeLimit.toSeconds() + " s"
              : timeLimit.toMillis() + " ms";
      return failed(
          classes,
          "compiling took longer than "
              + limit
              + " and was stopped;"
              + " javac normally needs a second or two, so look for code that makes type inference work very hard"
              + " (deeply nested lambdas or generic calls)");
    }
    readAnswer.join();
    readErrors.join();
    if (process.exitValue() != 0) {
      throw new IOException(
          "the compiler process ended without an answer (exit code "
              + process.exitValue()
              + "): "
              + errors.toString(StandardCharsets.UTF_8).strip());
    }
    CompilerProcess.Response response = CompilerProcess.decode(answer.toByteArray());
    return new CompileResult(response.succeeded(), classes, response.errors());
  }

  private static CompileResult failed(Path classes, String message) {
    return new CompileResult(
        false, classes, List.of(new SourceProblem("(compiler)", 0, 0, message, "")));
  }

  private static Thread copier(InputStream from, ByteArrayOutputStream to, int limit) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
                  synchronized (to) {
                    to.write(buffer, 0, Math.min(read, Math.max(0, limit - to.size())));
                  }
                }
              } catch (IOException closed) {
                // The process ended.
              }
            },
            "forklab-javac-reader");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
