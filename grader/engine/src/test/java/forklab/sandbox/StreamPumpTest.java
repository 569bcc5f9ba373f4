package forklab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamPumpTest {

  @Test
  void passesEachLineWithoutItsNewline() {
    assertThat(pump("first\nsecond\n\nfourth\n", 100))
        .containsExactly("first", "second", "", "fourth");
  }

  @Test
  void passesALastLineThatHasNoNewline() {
    assertThat(pump("first\nlast", 100)).containsExactly("first", "last");
  }

  @Test
  void passesNothingForAnEmptyStream() {
    assertThat(pump("", 100)).isEmpty();
  }

  @Test
  void joinsLinesThatArriveInPieces() {
    assertThat(pump(new Trickle("one line\nand another\n", 3), 100))
        .containsExactly("one line", "and another");
  }

  @Test
  void decodesUtf8CharactersSplitAcrossReads() {
    assertThat(pump(new Trickle("grüße – ✓\n", 1), 100)).containsExactly("grüße – ✓");
  }

  @Test
  void cutsAnOverlongLineDropsItsRestAndGoesOnWithTheNextLine() {
    List<String> lines = pump(new Trickle("0123456789abcdefghij\nnext\nlast", 3), 8);

    assertThat(lines).containsExactly("01234567 [line cut]", "next", "last");
  }

  @Test
  void cutsAnOverlongLineWhoseNewlineArrivesInTheSameRead() {
    assertThat(pump("0123456789abcdefghij\nnext\n", 8))
        .containsExactly("01234567 [line cut]", "next");
  }

  @Test
  void cutsAnOverlongLastLineWithoutNewlineOnlyOnce() {
    assertThat(pump(new Trickle("short\n0123456789abcdefghij", 4), 8))
        .containsExactly("short", "01234567 [line cut]");
  }

  @Test
  void keepsALineOfExactlyTheLimit() {
    assertThat(pump(new Trickle("12345678\n", 3), 8)).containsExactly("12345678");
  }

  @Test
  void countsEveryByteItRead() {
    StreamPump pump = new StreamPump(stream("abc\ndef"), line -> {}, 100);

    pump.run();

    assertThat(pump.bytes()).isEqualTo(7);
  }

  @Test
  void stopsQuietlyWhenTheConsumerGivesUp() {
    List<String> seen = new ArrayList<>();
    StreamPump pump =
        new StreamPump(
            stream("a\nb\nc\n"),
            line -> {
              seen.add(line);
              if (line.equals("b")) {
                throw new IllegalStateException("enough");
              }
            },
            100);

    pump.run();

    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void stopsQuietlyWhenTheStreamFails() {
    List<String> seen = new ArrayList<>();
    InputStream failing =
        new InputStream() {
          private int calls;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (calls++ == 0) {
              buffer[offset] = 'x';
              buffer[offset + 1] = '\n';
              return 2;
            }
            throw new IOException("Stream closed");
          }
        };

    new StreamPump(failing, seen::add, 100).run();

    assertThat(seen).containsExactly("x");
  }

  @Test
  void startsADaemonThreadWithTheGivenName() throws InterruptedException {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());

    Thread thread = StreamPump.start("ex01-stdout", stream("a\nb\n"), seen::add, 100);
    thread.join(10_000);

    assertThat(thread.getName()).isEqualTo("ex01-stdout");
    assertThat(thread.isDaemon()).isTrue();
    assertThat(thread.isAlive()).isFalse();
    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void tailKeepsShortOutputWhole() {
    StreamPump.Tail tail = StreamPump.tail(100);

    tail.accept("Exception in thread \"main\"");
    tail.accept("\tat X.main(X.java:3)");

    assertThat(tail.toString()).isEqualTo("Exception in thread \"main\"\n\tat X.main(X.java:3)\n");
  }

  @Test
  void tailIsEmptyBeforeAnyLine() {
    assertThat(StreamPump.tail(10).toString()).isEmpty();
  }

  @Test
  void tailKeepsOnlyTheEndAndSaysThatEarlierOutputWasDropped() {
    StreamPump.Tail tail = StreamPump.tail(10);

    tail.accept("first");
    tail.accept("second");
    tail.accept("third");

    assertThat(tail.toString()).isEqualTo("[... earlier output dropped]\nond\nthird\n");
  }

  @Test
  void tailKeepsTheEndOfAFloodOfLines() {
    StreamPump.Tail tail = StreamPump.tail(20);

    for (int i = 0; i < 10_000; i++) {
      tail.accept("line " + i);
    }

    assertThat(tail.toString()).isEqualTo("[... earlier output dropped]\nline 9998\nline 9999\n");
  }

  @Test
  void tailKeepsTheEndOfOneOverlongLine() {
    StreamPump.Tail tail = StreamPump.tail(5);

    tail.accept("0123456789");

    assertThat(tail.toString()).isEqualTo("[... earlier output dropped]\n6789\n");
  }

  private static List<String> pump(String text, int maxLineChars) {
    return pump(stream(text), maxLineChars);
  }

  private static List<String> pump(InputStream in, int maxLineChars) {
    List<String> lines = new ArrayList<>();
    new StreamPump(in, lines::add, maxLineChars).run();
    return lines;
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hands out at most {@code chunk} bytes per read, as a pipe does when the writer is slow. */
  private static final class Trickle extends InputStream {
    private final byte[] bytes;
    private final int chunk;
    private int at;

    Trickle(String text, int chunk) {
      this.bytes = text.getBytes(StandardCharsets.UTF_8);
      this.chunk = chunk;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (at >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(length, chunk), bytes.length - at);
      System.arraycopy(bytes, at, buffer, offset, n);
      at += n;
      return n;
    }
  }
}
