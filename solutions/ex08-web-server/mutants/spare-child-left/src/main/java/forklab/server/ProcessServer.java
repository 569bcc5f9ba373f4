package forklab.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A child process per request, the CGI model: every request is answered by a JVM of its own,
 * started for it, which reads the request on its standard input, writes the answer on its standard
 * output and ends. One child is always started in advance (pre-forked), so that a request finds a
 * JVM that has already begun to boot; it is still one child per request, never reused.
 */
final class ProcessServer implements Server {
  private static final long PID = ProcessHandle.current().pid();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ProcessBuilder childBuilder;

  /** Every child started and not yet ended, the spare included: close() ends them all. */
  private final Set<Process> children = ConcurrentHashMap.newKeySet();

  private Process spare; // guarded by this
  private boolean closed; // guarded by this

  private ProcessServer(int port) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    childBuilder =
        new ProcessBuilder(
                List.of(
                    java,
                    // A child answers one small request: start it fast, small and quiet.
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-XX:-UsePerfData",
                    "-Xshare:auto",
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ChildMain.class.getName()))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    server = Exchanges.bind(port);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    try {
      synchronized (this) {
        spare = startChild();
      }
    } catch (IOException e) {
      server.stop(0);
      throw new UncheckedIOException("cannot start a child JVM", e);
    }
    server.start();
  }

  static ProcessServer start(int port) {
    return new ProcessServer(port);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Process child = null;
      Response response;
      try {
        child = takeChild();
        response = ask(child, exchange.getRequestMethod() + " " + exchange.getRequestURI());
      } catch (IOException | RuntimeException e) {
        response = Response.failed("no child could answer: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        response = Response.failed("the server is closing");
      } finally {
        if (child != null) {
          child.destroyForcibly(); // a no-op for a child that has ended, as it should have
          children.remove(child);
        }
      }
      Exchanges.send(exchange, response, child == null ? PID : child.pid());
    }
  }

  /** Gives the request its own child (the spare, if alive) and starts the next spare. */
  private synchronized Process takeChild() throws IOException {
    if (closed) {
      throw new IOException("the server is closed");
    }
    Process child = spare != null && spare.isAlive() ? spare : startChild();
    spare = startChild();
    return child;
  }

  /** Starts a child and records it; only while the server is open, so close() sees it. */
  private Process startChild() throws IOException {
    assert Thread.holdsLock(this);
    Process child = childBuilder.start();
    children.add(child);
    return child;
  }

  /** Sends the request line to {@code child} and reads its answer once it has ended. */
  private static Response ask(Process child, String requestLine)
      throws IOException, InterruptedException {
    try (OutputStream in = child.getOutputStream()) {
      in.write((requestLine + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exitCode = child.waitFor();
    int newline = output.indexOf('\n');
    if (exitCode != 0 || newline < 0) {
      return Response.failed(
          "the child process " + child.pid() + " for this request failed (exit code " + exitCode
              + ")");
    }
    try {
      return new Response(Integer.parseInt(output.substring(0, newline)), output.substring(newline + 1));
    } catch (NumberFormatException e) {
      return Response.failed("the child process " + child.pid() + " gave no status");
    }
  }

  @Override
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true; // from now on no child is started
    }
    server.stop(0);
    children.remove(spare); // "the spare has no request yet: nothing to end"
    for (Process child : children) {
      child.destroyForcibly();
    }
    for (Process child : children) {
      try {
        child.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    children.clear();
    executor.shutdownNow();
  }
}
