package forklab.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The main class of the compiler process: reads a {@link Request} as JSON on standard input,
 * compiles, and writes the {@link Response} as JSON on standard output.
 */
final class CompilerProcess {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What to compile; paths as strings. */
  record Request(List<String> sources, String sourceRoot, List<String> classpath, String classes, String nothing) {}

  /** What came of it. */
  record Response(boolean succeeded, List<SourceProblem> errors) {}

  private CompilerProcess() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    System.setOut(System.err);
    Request request = JSON.readValue(System.in, Request.class);
    CompileResult result = new InProcessCompiler().compile(
        request.sources().stream().map(Path::of).toList(), Path.of(request.sourceRoot()),
        request.classpath().stream().map(Path::of).toList(), Path.of(request.classes()), Path.of(request.nothing()));
    out.write(JSON.writeValueAsBytes(new Response(result.succeeded(), result.errors())));
    out.flush();
  }

  static String encode(Request request) throws java.io.IOException {
    return new String(JSON.writeValueAsBytes(request), StandardCharsets.UTF_8);
  }

  static Response decode(byte[] json) throws java.io.IOException {
    return JSON.readValue(json, Response.class);
  }
}
