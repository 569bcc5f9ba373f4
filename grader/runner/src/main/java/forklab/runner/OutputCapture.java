package forklab.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where {@code System.out} and {@code System.err} go while checks run: a buffer that keeps the
 * first {@code limit} bytes written since the last {@link #drain()} and counts the rest.
 */
final class OutputCapture extends OutputStream {
  private final int limit;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long dropped;

  OutputCapture(int limit) {
    this.limit = limit;
  }

  @Override
  public synchronized void write(int b) {
    if (kept.size() < limit) {
      kept.write(b);
    } else {
      dropped++;
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    int room = Math.max(0, Math.min(length, limit - kept.size()));
    kept.write(bytes, offset, room);
    dropped += length - room;
  }

  /** What was written since the last call, with a note of how much did not fit. */
  synchronized String drain() {
    String text = kept.toString(StandardCharsets.UTF_8);
    if (dropped > 0) {
      text += "\n[... " + dropped + " more bytes of output were not kept]\n";
    }
    kept.reset();
    dropped = 0;
    return text;
  }
}
