package forklab.report;

import forklab.score.GradeResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** A report that is one rendered text, written as UTF-8. */
abstract class TextReportFormat implements ReportFormat {

  /** The whole report. */
  abstract String render(Feedback feedback, GradeResult grade);

  @Override
  public final void write(Feedback feedback, GradeResult grade, OutputStream out)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(render(feedback, grade));
    writer.flush();
  }
}
