package forklab.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a process stream to its end on its own thread, splitting lines and capping their length, so
 * a flood can neither fill the pipe nor the grader's memory.
 */
public final class StreamPump implements Runnable {
  private final InputStream in;
  private final Consumer<String> lines;
  private final int maxLineChars;
  private volatile long bytes;

  public StreamPump(InputStream in, Consumer<String> lines, int maxLineChars) {
    this.in = in;
    this.lines = lines;
    this.maxLineChars = maxLineChars;
  }

  /** Starts pumping on a daemon thread named {@code name}. */
  public static Thread start(
      String name, InputStream in, Consumer<String> lines, int maxLineChars) {
    Thread thread = new Thread(new StreamPump(in, lines, maxLineChars), name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** A consumer that keeps only the last {@code chars} characters of the lines it gets. */
  public static Tail tail(int chars) {
    return new Tail(chars);
  }

  @Override
  public void run() {
    byte[] buffer = new byte[64 * 1024];
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean overlong = false;
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes += n;
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            if (!overlong) {
              line.write(buffer, start, i - start);
              lines.accept(cut(line.toString(StandardCharsets.UTF_8)));
            }
            line.reset();
            overlong = false;
            start = i + 1;
          }
        }
        if (!overlong) {
          line.write(buffer, start, n - start);
          if (line.size() > maxLineChars) {
            String text = line.toString(StandardCharsets.UTF_8);
            lines.accept(text.substring(0, Math.min(text.length(), maxLineChars)) + " [line cut]");
            line.reset();
            overlong = true;
          }
        }
      }
      if (line.size() > 0 && !overlong) {
        lines.accept(cut(line.toString(StandardCharsets.UTF_8)));
      }
    } catch (IOException | RuntimeException closed) {
      // The process went away or the consumer gave up; what was read stands.
    }
  }

  private String cut(String text) {
    return text.length() <= maxLineChars ? text : text.substring(0, maxLineChars) + " [line cut]";
  }

  public long bytes() {
    return bytes;
  }

  /** Keeps the end of a stream of lines. */
  public static final class Tail implements Consumer<String> {
    private final int chars;
    private final StringBuilder kept = new StringBuilder();
    private long dropped;

    Tail(int chars) {
      this.chars = chars;
    }

    @Override
    public synchronized void accept(String line) {
      kept.append(line.length() > chars ? line.substring(line.length() - chars) : line)
          .append('\n');
      if (kept.length() > 2 * chars) {
        dropped += kept.length() - chars;
        kept.delete(0, kept.length() - chars);
      }
    }

    @Override
    public synchronized String toString() {
      String text = kept.length() > chars ? kept.substring(kept.length() - chars) : kept.toString();
      return dropped > 0 || kept.length() > chars ? "[... earlier output dropped]\n" + text : text;
    }
  }
}
