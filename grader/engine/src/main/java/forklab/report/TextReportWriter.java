package forklab.report;

import forklab.score.GradeResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** A report that is one rendered text, written as UTF-8. */
abstract class TextReportWriter implements ReportWriter {

  /** The whole report. */
  abstract String render(GradeResult grade);

  @Override
  public final void write(GradeResult grade, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(render(grade));
    writer.flush();
  }
}
