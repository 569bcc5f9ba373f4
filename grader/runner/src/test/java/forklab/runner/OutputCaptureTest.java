package forklab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {

  @Test
  void keepsEverythingThatFitsWithoutANote() {
    OutputCapture capture = new OutputCapture(10);

    write(capture, "0123456789");

    assertThat(capture.drain()).isEqualTo("0123456789");
  }

  @Test
  void keepsTheFirstBytesAndCountsTheDroppedOnes() {
    OutputCapture capture = new OutputCapture(10);

    write(capture, "0123456");
    write(capture, "789abcdef");

    assertThat(capture.drain())
        .isEqualTo("0123456789\n[... 6 more bytes of output were not kept]\n");
  }

  @Test
  void countsSingleByteWritesLikeArrayWrites() {
    OutputCapture capture = new OutputCapture(3);

    for (byte b : "abcdefg".getBytes(StandardCharsets.US_ASCII)) {
      capture.write(b);
    }

    assertThat(capture.drain()).isEqualTo("abc\n[... 4 more bytes of output were not kept]\n");
  }

  @Test
  void honoursTheOffsetAndLengthOfAnArrayWrite() {
    OutputCapture capture = new OutputCapture(4);

    capture.write("--abcdef--".getBytes(StandardCharsets.US_ASCII), 2, 6);

    assertThat(capture.drain()).isEqualTo("abcd\n[... 2 more bytes of output were not kept]\n");
  }

  @Test
  void countsBytesNotCharacters() {
    OutputCapture capture = new OutputCapture(6);

    write(capture, "grüße");

    assertThat(capture.drain()).isEqualTo("grüß\n[... 1 more bytes of output were not kept]\n");
  }

  @Test
  void drainEmptiesTheBufferAndResetsTheCount() {
    OutputCapture capture = new OutputCapture(5);
    write(capture, "first check output");
    capture.drain();

    assertThat(capture.drain()).isEmpty();

    write(capture, "next");
    assertThat(capture.drain()).isEqualTo("next");
  }

  @Test
  void aFullBufferMakesRoomAgainAfterADrain() {
    OutputCapture capture = new OutputCapture(4);
    write(capture, "aaaaaaaa");
    assertThat(capture.drain()).isEqualTo("aaaa\n[... 4 more bytes of output were not kept]\n");

    write(capture, "bbbbbb");

    assertThat(capture.drain()).isEqualTo("bbbb\n[... 2 more bytes of output were not kept]\n");
  }

  @Test
  void worksBehindAPrintStreamAsSystemOutUsesIt() {
    OutputCapture capture = new OutputCapture(8);
    PrintStream out = new PrintStream(capture, true, StandardCharsets.UTF_8);

    out.println("hello");
    out.print("world");
    out.flush();

    assertThat(capture.drain())
        .isEqualTo("hello\nwo\n[... 3 more bytes of output were not kept]\n");
  }

  @Test
  void aZeroLimitKeepsNothingButCountsEverything() {
    OutputCapture capture = new OutputCapture(0);

    write(capture, "abc");
    capture.write('d');

    assertThat(capture.drain()).isEqualTo("\n[... 4 more bytes of output were not kept]\n");
  }

  private static void write(OutputCapture capture, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    capture.write(bytes, 0, bytes.length);
  }
}
