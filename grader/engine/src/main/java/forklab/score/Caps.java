package forklab.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much text a submission can put into one exercise's result. The score stage applies these
 * caps, so every report shows the same notes and messages.
 */
public final class Caps {
  /** Notes kept per exercise; the rest become one note that counts them. */
  public static final int MAX_NOTES = 20;

  /** UTF-8 bytes kept of one message (a failure, an exception, compile errors, a note). */
  public static final int MAX_MESSAGE_BYTES = 4 * 1024;

  /** Characters kept of what the submission printed during one check. */
  public static final int MAX_OUTPUT_CHARS = 16 * 1024;

  /** The line that ends a cut message. */
  public static final String CUT = "\n[... cut]";

  private Caps() {}

  /**
   * The first {@link #MAX_NOTES} notes, each capped like a message, and then {@code ... and K more
   * like these} when there were more.
   */
  public static List<String> notes(List<String> notes) {
    List<String> kept = new ArrayList<>();
    notes.stream().limit(MAX_NOTES).map(Caps::message).forEach(kept::add);
    if (notes.size() > MAX_NOTES) {
      kept.add(String.format(Locale.ROOT, "... and %,d more like these", notes.size() - MAX_NOTES));
    }
    return List.copyOf(kept);
  }

  /**
   * {@code text} when its UTF-8 form fits in {@link #MAX_MESSAGE_BYTES}; otherwise the longest
   * prefix that fits, cut between characters (never inside a surrogate pair), and a line {@code
   * [... cut]}. No count: what arrives here may already have been cut by the check JVM.
   */
  public static String message(String text) {
    return cut(text, MAX_MESSAGE_BYTES);
  }

  /**
   * The first {@link #MAX_OUTPUT_CHARS} characters of {@code output}, with a line that says where
   * it was cut.
   */
  public static String output(String output) {
    return output.length() <= MAX_OUTPUT_CHARS
        ? output
        : output.substring(0, MAX_OUTPUT_CHARS)
            + "\n[... output cut at "
            + MAX_OUTPUT_CHARS
            + " characters]";
  }

  static String cut(String text, int maxBytes) {
    if ((long) text.length() * 3 <= maxBytes) {
      return text;
    }
    int end = 0;
    long bytes = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      if (bytes + utf8Size(codePoint) > maxBytes) {
        break;
      }
      bytes += utf8Size(codePoint);
      end += Character.charCount(codePoint);
    }
    if (end == text.length()) {
      return text;
    }
    return text.substring(0, end) + CUT;
  }

  // A lone surrogate counts as the three bytes of U+FFFD, which replaces it in the reports.
  private static int utf8Size(int codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
}
