package forklab.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text made of whole lines, some of which carry detail that can be given up when the whole does
 * not fit in a number of UTF-8 bytes.
 *
 * <pre>{@code
 * Shrinkable doc = new Shrinkable();
 * doc.append("# Title\n");
 * doc.append(Shrinkable.Detail.OUTPUT, "<details>...</details>\n", "");
 * String text = doc.fit(64 * 1024, "\n_cut_\n");
 * }</pre>
 */
final class Shrinkable {
  /** Detail that can be given up, in the order it is: all outputs first, then long messages. */
  enum Detail {
    OUTPUT,
    MESSAGE
  }

  private record Part(Detail detail, String full, String shorter) {}

  private final List<Part> parts = new ArrayList<>();

  /** Appends text that is always kept while it fits; it must end with a line break. */
  void append(String text) {
    parts.add(new Part(null, text, text));
  }

  /**
   * Appends detail that may be replaced by {@code shorter}; both must end with a line break or be
   * empty.
   */
  void append(Detail detail, String full, String shorter) {
    parts.add(new Part(detail, full, shorter));
  }

  /**
   * The whole text if it fits in {@code maxBytes}. Otherwise detail is given up from the end,
   * outputs before messages, until the rest and {@code notice} fit; if even that is too long, the
   * text is cut after the last whole line that fits. Then {@code notice} ends it.
   */
  String fit(int maxBytes, String notice) {
    String[] texts = parts.stream().map(Part::full).toArray(String[]::new);
    long total = 0;
    for (String text : texts) {
      total += utf8Length(text);
    }
    if (total <= maxBytes) {
      return String.join("", texts);
    }
    long budget = maxBytes - utf8Length(notice);
    for (Detail detail : Detail.values()) {
      for (int i = parts.size() - 1; i >= 0 && total > budget; i--) {
        if (parts.get(i).detail() == detail) {
          total -= utf8Length(texts[i]) - utf8Length(parts.get(i).shorter());
          texts[i] = parts.get(i).shorter();
        }
      }
    }
    String kept = String.join("", texts);
    return (total > budget ? wholeLines(kept, budget) : kept) + notice;
  }

  /**
   * The longest prefix of {@code text} that ends with a line break and has at most {@code
   * maxBytes}.
   */
  private static String wholeLines(String text, long maxBytes) {
    long bytes = 0;
    int end = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
      if (bytes > maxBytes) {
        break;
      }
      if (c == '\n') {
        end = i + 1;
      }
    }
    return text.substring(0, end);
  }

  static long utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
