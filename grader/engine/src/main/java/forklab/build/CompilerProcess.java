package forklab.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The main class of the compiler process: reads a {@link Request} as JSON on standard input,
 * compiles, and writes the {@link Response} as JSON on standard output. A compiler that gives out
 * on the sources is a response; a process that cannot compile at all (no compiler, unreadable
 * request) ends without one.
 */
final class CompilerProcess {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What to compile; paths as strings. */
  record Request(
      List<String> sources,
      String sourceRoot,
      List<String> classpath,
      String classes,
      String nothing) {}

  /** What came of it. */
  record Response(boolean succeeded, List<SourceProblem> errors) {}

  private CompilerProcess() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    System.setOut(System.err);
    Request request = JSON.readValue(System.in, Request.class);
    InProcessCompiler compiler = new InProcessCompiler();
    Response response;
    try {
      CompileResult result =
          compiler.compile(
              request.sources().stream().map(Path::of).toList(),
              Path.of(request.sourceRoot()),
              request.classpath().stream().map(Path::of).toList(),
              Path.of(request.classes()),
              Path.of(request.nothing()));
      response = new Response(result.succeeded(), result.errors());
    } catch (IOException e) {
      throw e;
    } catch (Throwable crashed) {
      // javac itself gave out on these sources (a stack overflow, its heap): the sources' doing.
      response =
          new Response(
              false,
              List.of(
                  new SourceProblem(
                      "(compiler)",
                      0,
                      0,
                      "the Java compiler failed on this code: " + crashed,
                      "")));
    }
    out.write(JSON.writeValueAsBytes(response));
    out.flush();
  }

  static String encode(Request request) throws IOException {
    return new String(JSON.writeValueAsBytes(request), StandardCharsets.UTF_8);
  }

  static Response decode(byte[] json) throws IOException {
    return JSON.readValue(json, Response.class);
  }
}
