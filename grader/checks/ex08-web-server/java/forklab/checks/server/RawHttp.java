package forklab.checks.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * GET over a plain socket from the calling thread: one connection per request, {@code Connection:
 * close}, the answer read to the end. The timed goals use it because it adds no thread hand-offs
 * of its own (a client with a selector thread and an executor adds several per request, which on
 * a busy machine cost more than a tiny request to a thread does).
 */
final class RawHttp {
  private RawHttp() {}

  static Http.Reply get(int port, String target) {
    long start = System.nanoTime();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] all = socket.getInputStream().readAllBytes();
      return parse(new String(all, StandardCharsets.ISO_8859_1), start);
    } catch (IOException e) {
      return new Http.Reply(-1, e.toString(), OptionalLong.empty(), System.nanoTime() - start);
    }
  }

  private static Http.Reply parse(String response, long start) {
    long nanos = System.nanoTime() - start;
    int end = response.indexOf("\r\n\r\n");
    if (!response.startsWith("HTTP/1.") || end < 0) {
      return new Http.Reply(-1, "not an HTTP response", OptionalLong.empty(), nanos);
    }
    String[] lines = response.substring(0, end).split("\r\n");
    String[] statusLine = lines[0].split(" ");
    int status;
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (RuntimeException e) {
      return new Http.Reply(-1, "bad status line " + lines[0], OptionalLong.empty(), nanos);
    }
    boolean chunked = false;
    OptionalLong pid = OptionalLong.empty();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).strip();
      if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
        chunked = true;
      } else if (name.equals("x-pid")) {
        try {
          pid = OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
          // not a pid
        }
      }
    }
    String body = response.substring(end + 4);
    return new Http.Reply(status, chunked ? dechunk(body) : body, pid, nanos);
  }

  private static String dechunk(String body) {
    StringBuilder text = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int lineEnd = body.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size;
      try {
        size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (size == 0) {
        break;
      }
      int from = lineEnd + 2;
      text.append(body, from, Math.min(body.length(), from + size));
      at = from + size + 2;
    }
    return text.toString();
  }
}
