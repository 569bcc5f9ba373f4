package forklab.build;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in this JVM with the system compiler, to one Java release: the body of the
 * compiler process that {@link JavaCompilation} starts. Nothing but the JDK, {@code classpath} and
 * the sources under {@code sourceRoot} is visible to it, whatever the working folder holds.
 */
final class InProcessCompiler {
  private final JavaCompiler compiler;

  InProcessCompiler() {
    compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException(
          "no Java compiler in this runtime: run Forklab on a JDK, not a JRE");
    }
  }

  /**
   * Compiles {@code sources} into {@code classes} against {@code classpath}. Problems are reported
   * relative to {@code sourceRoot}.
   */
  CompileResult compile(
      List<Path> sources, Path sourceRoot, List<Path> classpath, Path classes, Path nothing)
      throws IOException {
    Files.createDirectories(classes);
    if (sources.isEmpty()) {
      return new CompileResult(true, classes, List.of());
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        new ArrayList<>(
            List.of(
                "--release",
                JavaCompilation.RELEASE,
                "-proc:none",
                "-encoding",
                "UTF-8",
                "-nowarn",
                "-Xlint:none",
                "-implicit:none",
                "-Xmaxerrs",
                Integer.toString(JavaCompilation.MAX_ERRORS),
                "-d",
                classes.toString()));
    // An empty class path means the working folder to javac: name an empty folder instead.
    options.add("-classpath");
    options.add(
        classpath.isEmpty()
            ? nothing.toString()
            : String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    options.add("-sourcepath");
    options.add(sourceRoot.toString());
    boolean ok;
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          compiler.getTask(
              new StringWriter(),
              files,
              diagnostics,
              options,
              null,
              files.getJavaFileObjectsFromPaths(sources));
      ok = task.call();
    }
    List<SourceProblem> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(problem(diagnostic, sourceRoot));
      }
    }
    errors.sort(Comparator.comparing(SourceProblem::file).thenComparingLong(SourceProblem::line));
    if (!ok && errors.isEmpty()) {
      errors.add(new SourceProblem("(compiler)", 0, 0, "compilation failed without a message", ""));
    }
    return new CompileResult(
        ok, classes, errors.subList(0, Math.min(errors.size(), JavaCompilation.MAX_ERRORS)));
  }

  private static SourceProblem problem(
      Diagnostic<? extends JavaFileObject> diagnostic, Path sourceRoot) {
    String file = "(unknown file)";
    String line = "";
    if (diagnostic.getSource() != null) {
      Path path = Path.of(diagnostic.getSource().toUri());
      file =
          path.startsWith(sourceRoot)
              ? sourceRoot.relativize(path).toString()
              : path.getFileName().toString();
      line = sourceLine(path, diagnostic.getLineNumber());
    }
    return new SourceProblem(
        file,
        Math.max(0, diagnostic.getLineNumber()),
        Math.max(0, diagnostic.getColumnNumber()),
        diagnostic.getMessage(Locale.ROOT),
        line);
  }

  private static String sourceLine(Path file, long number) {
    if (number <= 0) {
      return "";
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.skip(number - 1).findFirst().orElse("");
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }
}
