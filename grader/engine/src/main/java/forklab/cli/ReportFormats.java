package forklab.cli;

import forklab.report.ReportWriter;
import forklab.report.Reports;
import forklab.score.GradeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --format}: the report formats by name, and writing the chosen ones. */
final class ReportFormats {
  private ReportFormats() {}

  /**
   * The writers by {@code --format} name, in the order they are written. The one place that names
   * formats; the {@code forklab.report} registry is to take its place.
   */
  static Map<String, ReportWriter> byName() {
    Map<String, ReportWriter> formats = new LinkedHashMap<>();
    formats.put("json", Reports.resultsJson());
    formats.put("junit", Reports.junitXml());
    formats.put("markdown", Reports.summaryMarkdown());
    formats.put("html", Reports.html());
    return formats;
  }

  /** The {@code --format} names, for help and completion. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return byName().keySet().iterator();
    }
  }

  /**
   * Writes the reports named in {@code names} (all when empty) into {@code out}. A failing writer
   * does not stop the others; the first failure is thrown afterwards, the later ones suppressed.
   */
  static List<Path> write(GradeResult grade, Path out, Set<String> names) throws IOException {
    List<Path> written = new ArrayList<>();
    IOException failure = null;
    for (Map.Entry<String, ReportWriter> format : byName().entrySet()) {
      if (!names.isEmpty() && !names.contains(format.getKey())) {
        continue;
      }
      try {
        written.add(format.getValue().write(grade, out));
      } catch (IOException | RuntimeException e) {
        IOException wrapped =
            e instanceof IOException io
                ? io
                : new IOException("could not write " + format.getValue().fileName() + ": " + e, e);
        if (failure == null) {
          failure = wrapped;
        } else {
          failure.addSuppressed(wrapped);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return List.copyOf(written);
  }
}
