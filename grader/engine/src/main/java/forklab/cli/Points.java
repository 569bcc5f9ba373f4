package forklab.cli;

import java.util.Locale;

/** Formats points without a needless ".0". */
final class Points {
  private Points() {}

  static String format(double points) {
    return points == Math.rint(points)
        ? Long.toString((long) points)
        : String.format(Locale.ROOT, "%.2f", points);
  }
}
