package forklab.discover;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * File names as a submission has them: on Linux a name is bytes, which Java reads as text in the
 * encoding the grader was started with.
 */
final class SubmittedNames {
  /** The encoding this JVM reads file names in, by its standard name, for example {@code UTF-8}. */
  static final String ENCODING = encoding();

  private SubmittedNames() {}

  /**
   * Whether the last part of {@code path} reads back to the same bytes. A name that is not valid
   * text in {@link #ENCODING} does not: Java shows its bad bytes as U+FFFD, so two such names can
   * stand for the same file once copied.
   */
  static boolean readable(Path path) {
    Path name = path.getFileName();
    return name == null || name.equals(path.getFileSystem().getPath(name.toString()));
  }

  /**
   * {@code path} relative to {@code root}, its bytes read as UTF-8 and every byte that is not valid
   * UTF-8 shown as {@code \xff}, so that a student can tell two such names apart.
   */
  static String shown(Path root, Path path) {
    String rootBytes = rawPath(root);
    String bytes = rawPath(path);
    String relative =
        bytes.startsWith(rootBytes + "/") ? bytes.substring(rootBytes.length() + 1) : bytes;
    return utf8WithEscapes(percentDecoded(relative));
  }

  /** The path's bytes, percent-encoded where they are not plain ASCII, without a trailing slash. */
  private static String rawPath(Path path) {
    String raw = path.toAbsolutePath().toUri().getRawPath();
    return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
  }

  private static byte[] percentDecoded(String raw) {
    ByteBuffer bytes = ByteBuffer.allocate(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        bytes.put((byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.put((byte) c);
      }
    }
    return Arrays.copyOf(bytes.array(), bytes.position());
  }

  private static String utf8WithEscapes(byte[] bytes) {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer decoded = CharBuffer.allocate(bytes.length);
    StringBuilder text = new StringBuilder();
    CoderResult result = utf8.decode(in, decoded, true);
    while (result.isError()) {
      text.append(decoded.flip());
      decoded.clear();
      for (int i = 0; i < result.length(); i++) {
        text.append(String.format(Locale.ROOT, "\\x%02x", in.get()));
      }
      result = utf8.decode(in, decoded, true);
    }
    utf8.flush(decoded);
    return text.append(decoded.flip()).toString();
  }

  private static String encoding() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).name();
    } catch (IllegalArgumentException unknown) {
      return System.getProperty("sun.jnu.encoding");
    }
  }
}
