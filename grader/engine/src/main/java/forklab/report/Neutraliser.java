package forklab.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text from a submission inert where a reader, a browser or a forge would act on it rather
 * than show it.
 *
 * <ul>
 *   <li>In every report: bidirectional controls, which reorder what is displayed ("Trojan Source"),
 *       are shown as {@code <U+202E>} ({@link #isBidiControl}; {@link Text#clean} applies it).
 *   <li>In {@code summary.md}, which is posted as a merge-request note: no line may start with
 *       {@code /} (GitLab runs {@code /approve}, {@code /merge}, ... as quick actions), markup is
 *       escaped, {@code @} mentions and {@code [[...]]} markup go into code spans, and captured
 *       output goes into a code block that it cannot close.
 * </ul>
 */
final class Neutraliser {
  // An @name not glued to a word (so not an e-mail address), or a run of [[ or ]].
  private static final Pattern MENTION_OR_BRACKETS =
      Pattern.compile("(?<![A-Za-z0-9_])@[A-Za-z0-9_.\\-/]+|\\[\\[+|]]+");
  private static final Pattern BACKTICKS = Pattern.compile("`+");
  private static final Pattern LIST_START = Pattern.compile("^(\\d+)([.)])");
  private static final String MARKDOWN_PUNCTUATION = "\\`*_[]<>|~#!&@$";

  private Neutraliser() {}

  /**
   * Whether {@code codePoint} is one of Unicode's bidirectional controls: U+061C, U+200E, U+200F,
   * U+202A to U+202E and U+2066 to U+2069.
   */
  static boolean isBidiControl(int codePoint) {
    return codePoint == 0x061C
        || codePoint == 0x200E
        || codePoint == 0x200F
        || codePoint >= 0x202A && codePoint <= 0x202E
        || codePoint >= 0x2066 && codePoint <= 0x2069;
  }

  /** How a bidirectional control is shown instead: {@code <U+202E>}. */
  static String visible(int codePoint) {
    return String.format(Locale.ROOT, "<U+%04X>", codePoint);
  }

  /**
   * Text for the middle of a Markdown line, on one line: a backslash before every character that
   * could start emphasis, code, links, HTML, a table cell, a reference or math, and {@code @name}
   * and runs of {@code [[} or {@code ]]} in code spans, where no forge looks for mentions or links.
   */
  static String markdownInline(String text) {
    String line = Text.oneLine(text, Integer.MAX_VALUE);
    StringBuilder out = new StringBuilder(line.length() + 16);
    Matcher special = MENTION_OR_BRACKETS.matcher(line);
    int done = 0;
    while (special.find()) {
      escape(line.substring(done, special.start()), out);
      out.append('`').append(special.group()).append('`');
      done = special.end();
    }
    escape(line.substring(done), out);
    return out.toString();
  }

  /**
   * Text inside raw HTML in a Markdown note (a {@code <summary>}), on one line: HTML-escaped, with
   * {@code @name} and runs of {@code [[} or {@code ]]} in {@code <code>}, where no forge looks for
   * mentions or links.
   */
  static String htmlInline(String text) {
    String line = Text.oneLine(text, Integer.MAX_VALUE);
    StringBuilder out = new StringBuilder(line.length() + 16);
    Matcher special = MENTION_OR_BRACKETS.matcher(line);
    int done = 0;
    while (special.find()) {
      out.append(html(line.substring(done, special.start())))
          .append("<code>")
          .append(html(special.group()))
          .append("</code>");
      done = special.end();
    }
    return out.append(html(line.substring(done))).toString();
  }

  private static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
  }

  /**
   * Like {@link #markdownInline}, for text that starts a line or a list item: it cannot start a
   * list, a rule, a heading or a quick action either.
   */
  static String markdownLineStart(String text) {
    String escaped = markdownInline(text);
    if (!escaped.isEmpty() && "-+=".indexOf(escaped.charAt(0)) >= 0) {
      return "\\" + escaped;
    }
    Matcher number = LIST_START.matcher(escaped);
    if (number.find()) {
      return number.group(1) + "\\" + number.group(2) + escaped.substring(number.end());
    }
    return withoutQuickActions(escaped);
  }

  /**
   * {@code markdown} with a backslash before the {@code /} of every line whose first visible
   * character is {@code /}. GitLab runs such a line as a quick action when it posts the note, and
   * its own test for "inside a code block" ends at the first line that starts with three backticks,
   * whatever the fence. The backslash is a Markdown escape: outside code the line still reads
   * {@code /approve}; inside a code block it shows as {@code \/approve}.
   */
  static String withoutQuickActions(String markdown) {
    StringBuilder out = new StringBuilder(markdown.length() + 8);
    boolean atLineStart = true;
    for (int i = 0; i < markdown.length(); i++) {
      char c = markdown.charAt(i);
      if (atLineStart && c == '/') {
        out.append('\\');
      }
      out.append(c);
      atLineStart = c == '\n' || atLineStart && blank(c);
    }
    return out.toString();
  }

  // Spaces, tabs and invisible format characters such as U+200B, which a forge might skip.
  private static boolean blank(char c) {
    return c != '\n'
        && (Character.isWhitespace(c)
            || Character.isSpaceChar(c)
            || Character.getType(c) == Character.FORMAT);
  }

  /**
   * {@code content} in a fenced code block of {@code info} (for example {@code text}), with a
   * backtick fence longer than any run of backticks in it, so it cannot close the block, and
   * without quick actions. Ends with a line break.
   */
  static String codeBlock(String info, String content) {
    String fence = fence(content);
    return withoutQuickActions(fence + info + "\n" + content + "\n" + fence + "\n");
  }

  /** A backtick fence longer than any run of backticks in {@code content}, at least three. */
  static String fence(String content) {
    int longest = 0;
    Matcher run = BACKTICKS.matcher(content);
    while (run.find()) {
      longest = Math.max(longest, run.group().length());
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
