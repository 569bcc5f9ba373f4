package forklab.checks.server;

import java.util.List;
import java.util.Locale;

/** Short texts for feedback. */
final class Texts {
  private Texts() {}

  /** The first {@code max} items of {@code items}, and how many more there are. */
  static String shorten(List<String> items, int max) {
    if (items.size() <= max) {
      return String.join("; ", items);
    }
    return String.join("; ", items.subList(0, max)) + "; and " + (items.size() - max) + " more";
  }

  /** A whole number with thousands separators, as students read it: 50,000,000. */
  static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
