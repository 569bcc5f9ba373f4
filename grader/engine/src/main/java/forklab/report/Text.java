package forklab.report;

import forklab.score.CheckResult;
import forklab.score.Measurement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Wording and text hygiene shared by the writers, so every report says the same thing. */
final class Text {
  /** Why a not-judged check is neither a pass nor a failure, and what to do about it. */
  static final String NOT_JUDGED_EXPLANATION =
      "The machine could not judge this here; it earns no points and is not a failure."
          + " Re-run with --retry-unjudged or on a machine with 2+ CPUs.";

  /** The headline of an infrastructure error. */
  static final String NO_SCORE = "No score was given; this is not your fault.";

  /** Why an errored check earned nothing. */
  static final String ERROR_EXPLANATION =
      "The check could not run because of a problem in the grader or the machine, not in your code.";

  // CSI sequences such as colours and cursor moves; they mean nothing outside a terminal.
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");

  private static final Pattern NOT_JUDGED_PREFIX = Pattern.compile("^(?i)not judged here:\\s*");

  private Text() {}

  /**
   * Makes text safe to put into any report: removes ANSI escape sequences, turns CR LF and lone CR
   * into LF, shows the remaining C0 control characters in caret notation ({@code ^@} for NUL,
   * {@code ^[} for ESC), shows bidirectional controls as {@code <U+202E>} so they cannot reorder
   * what a reader sees, and replaces what XML 1.0 and HTML cannot carry (DEL, C1 controls, lone
   * surrogates, U+FFFE, U+FFFF) with U+FFFD.
   */
  static String clean(String text) {
    String plain = text.indexOf('\u001B') >= 0 ? ANSI.matcher(text).replaceAll("") : text;
    plain = plain.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = null;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      String replacement = null;
      if (c < 0x20 && c != '\t' && c != '\n') {
        replacement = "^" + (char) (c + 64);
      } else if (c >= 0x7F && c <= 0x9F || c == '\uFFFE' || c == '\uFFFF') {
        replacement = "\uFFFD";
      } else if (Neutraliser.isBidiControl(c)) {
        replacement = Neutraliser.visible(c);
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < plain.length() && Character.isLowSurrogate(plain.charAt(i + 1))) {
          if (out != null) {
            out.append(c).append(plain.charAt(i + 1));
          }
          i++;
          continue;
        }
        replacement = "\uFFFD";
      } else if (Character.isLowSurrogate(c)) {
        replacement = "\uFFFD";
      }
      if (replacement != null && out == null) {
        out = new StringBuilder(plain.length() + 16).append(plain, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? plain : out.toString();
  }

  /**
   * {@link #clean} and then at most {@code max} characters of it (never splitting a surrogate
   * pair), followed by a line that says how much was cut.
   */
  static String capped(String text, int max) {
    String clean = clean(text);
    if (clean.length() <= max) {
      return clean;
    }
    int cut = max;
    if (cut > 0 && Character.isHighSurrogate(clean.charAt(cut - 1))) {
      cut--;
    }
    return clean.substring(0, cut)
        + String.format(Locale.ROOT, "\n… %,d more characters not shown", clean.length() - cut);
  }

  /** The first line of {@code text}, cleaned and capped at {@code max} characters. */
  static String firstLine(String text, int max) {
    String clean = clean(text).strip();
    int end = clean.indexOf('\n');
    String line = end < 0 ? clean : clean.substring(0, end).strip();
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }

  /** {@code text} on one line: line breaks become spaces, cleaned and capped. */
  static String oneLine(String text, int max) {
    String line = clean(text).strip().replaceAll("\\s*\n\\s*", " ");
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }

  /**
   * A value with at most three decimals and no trailing zeros: {@code 1.512}, {@code 10}; n/a when
   * not finite.
   */
  static String number(double value) {
    return decimals(value, 3);
  }

  /** Points with at most two decimals: {@code 7.5}, {@code 10}. */
  static String points(double value) {
    return decimals(value, 2);
  }

  /** {@code earned / max}, for example {@code 7.5 / 10}. */
  static String points(double earned, double max) {
    return points(earned) + " / " + points(max);
  }

  /** Seconds with three decimals, for example {@code 1.250}. */
  static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toNanos(), 9)
        .setScale(3, RoundingMode.HALF_UP)
        .toPlainString();
  }

  /** {@code value} rounded to four decimals, for JSON numbers without binary noise. */
  static double rounded(double value) {
    if (!Double.isFinite(value)) {
      return value;
    }
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }

  private static String decimals(double value, int scale) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }

  /** A value with its unit, for example {@code 1.512 s}; the bare number when the unit is blank. */
  static String quantity(double value, String unit) {
    String number = number(value);
    return unit.isBlank() || !Double.isFinite(value) ? number : number + " " + clean(unit).strip();
  }

  /** The measurement's text details sorted by key, keys and values cleaned. */
  static Map<String, String> details(Measurement measurement) {
    Map<String, String> sorted = new TreeMap<>();
    measurement
        .details()
        .forEach((key, value) -> sorted.put(oneLine(key, 80), oneLine(value, 200)));
    return sorted;
  }

  /**
   * One line that says what was measured against what was required, and which way, with the other
   * limits: {@code measured 1.512 s, required at most 0.9 s, calibrated limit 1.2 s}.
   */
  static String measurementLine(Measurement measurement) {
    StringBuilder line =
        new StringBuilder()
            .append("measured ")
            .append(quantity(measurement.measured(), measurement.unit()))
            .append(", required ")
            .append(measurement.direction().words())
            .append(' ')
            .append(quantity(measurement.required(), measurement.unit()));
    measurement
        .limits()
        .forEach(
            (key, value) ->
                line.append(", ")
                    .append(oneLine(key, 80))
                    .append(' ')
                    .append(quantity(value, measurement.unit())));
    return line.toString();
  }

  /**
   * Why a not-judged check was not judged, without a leading "not judged here:" that the reports
   * add themselves, or a neutral phrase when nobody said.
   */
  static String notJudgedReason(CheckResult check) {
    String reason = NOT_JUDGED_PREFIX.matcher(oneLine(check.feedback(), 500)).replaceFirst("");
    return reason.isEmpty() ? "no reason given" : reason;
  }

  /** The feedback split into lines, cleaned, blank lines dropped, at most {@code maxLines}. */
  static List<String> feedbackLines(String feedback, int maxLines, int maxChars) {
    List<String> lines = new ArrayList<>();
    String[] all = capped(feedback, maxChars).split("\n");
    for (String line : all) {
      if (!line.isBlank()) {
        if (lines.size() == maxLines) {
          lines.add("… more lines not shown");
          break;
        }
        lines.add(line.strip());
      }
    }
    return lines;
  }

  /**
   * The feedback as one block of lines, cleaned and capped: indentation kept, trailing blanks
   * dropped, at most {@code maxLines} non-blank lines, then {@code … more lines not shown}.
   */
  static String block(String feedback, int maxLines, int maxChars) {
    List<String> kept = new ArrayList<>();
    int nonBlank = 0;
    for (String line : capped(feedback, maxChars).strip().split("\n")) {
      if (!line.isBlank() && nonBlank++ == maxLines) {
        kept.add("… more lines not shown");
        break;
      }
      kept.add(line.stripTrailing());
    }
    return String.join("\n", kept);
  }
}
