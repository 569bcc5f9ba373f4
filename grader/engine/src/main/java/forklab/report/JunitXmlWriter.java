package forklab.report;

import forklab.report.Feedback.CheckFeedback;
import forklab.score.CheckResult;
import forklab.score.ExerciseResult;
import forklab.score.GradeResult;
import forklab.score.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: the Ant/Jenkins JUnit XML dialect that GitLab's test report widget reads. One
 * {@code testsuite} per exercise, one {@code testcase} per check; a failure carries the
 * student-facing feedback, a not-judged check is {@code skipped}, an errored check is an {@code
 * error}. An infrastructure error adds a suite {@code forklab} with one errored test case, so CI
 * shows it without calling it a failure of the student.
 */
final class JunitXmlWriter implements ReportFormat {
  static final int FEEDBACK_CAP = 16_000;
  static final int OUTPUT_CAP = 64 * 1024;
  static final int MESSAGE_CAP = 300;

  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
  // The Ant schema's timestamp: local date-time without an offset; Forklab writes UTC.
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  @Override
  public String name() {
    return "junit";
  }

  @Override
  public String fileName() {
    return Reports.JUNIT_XML;
  }

  @Override
  public void write(Feedback feedback, GradeResult grade, OutputStream out) throws IOException {
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
      new Document(xml, grade, feedback).write();
      xml.flush();
      xml.close(); // closes the writer only, never the stream underneath
      out.flush();
    } catch (XMLStreamException e) {
      throw new IOException("could not write " + fileName() + ": " + e.getMessage(), e);
    }
  }

  /** One rendering: the stream writer plus the indentation that keeps the file readable. */
  private record Document(XMLStreamWriter xml, GradeResult grade, Feedback feedback) {

    void write() throws XMLStreamException {
      xml.writeStartDocument("UTF-8", "1.0");
      newline(0);
      List<CheckResult> checks = grade.checks();
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "forklab");
      xml.writeAttribute(
          "tests", String.valueOf(checks.size() + (grade.hasInfrastructureError() ? 1 : 0)));
      xml.writeAttribute("failures", String.valueOf(count(checks, Verdict.FAIL)));
      xml.writeAttribute(
          "errors",
          String.valueOf(count(checks, Verdict.ERROR) + (grade.hasInfrastructureError() ? 1 : 0)));
      xml.writeAttribute("skipped", String.valueOf(count(checks, Verdict.NOT_JUDGED)));
      xml.writeAttribute("time", Text.seconds(grade.elapsed()));
      for (int e = 0; e < grade.exercises().size(); e++) {
        suite(grade.exercises().get(e), feedback.exercises().get(e));
      }
      if (grade.hasInfrastructureError()) {
        infrastructureSuite();
      }
      newline(0);
      xml.writeEndElement();
      newline(0);
      xml.writeEndDocument();
    }

    private void suite(ExerciseResult exercise, Feedback.ExerciseFeedback views)
        throws XMLStreamException {
      List<CheckResult> checks = exercise.checks();
      newline(1);
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", Text.oneLine(exercise.id(), 200));
      xml.writeAttribute("tests", String.valueOf(checks.size()));
      xml.writeAttribute("failures", String.valueOf(count(checks, Verdict.FAIL)));
      xml.writeAttribute("errors", String.valueOf(count(checks, Verdict.ERROR)));
      xml.writeAttribute("skipped", String.valueOf(count(checks, Verdict.NOT_JUDGED)));
      xml.writeAttribute(
          "time",
          Text.seconds(
              checks.stream().map(CheckResult::duration).reduce(Duration.ZERO, Duration::plus)));
      timestamp();
      newline(2);
      xml.writeStartElement("properties");
      property("title", exercise.title());
      property("score", Text.points(exercise.score()));
      property("max_score", Text.points(exercise.maxScore()));
      for (String note : exercise.notes()) {
        property("note", note);
      }
      newline(2);
      xml.writeEndElement();
      for (int c = 0; c < checks.size(); c++) {
        testcase(checks.get(c), views.checks().get(c));
      }
      newline(1);
      xml.writeEndElement();
    }

    private void testcase(CheckResult check, CheckFeedback view) throws XMLStreamException {
      boolean empty = check.verdict() == Verdict.PASS && check.output().isBlank();
      newline(2);
      if (empty) {
        xml.writeEmptyElement("testcase");
      } else {
        xml.writeStartElement("testcase");
      }
      xml.writeAttribute(
          "classname", Text.oneLine(check.exercise() + "." + check.goal().id(), 300));
      xml.writeAttribute("name", Text.oneLine(check.name(), 300));
      xml.writeAttribute("time", Text.seconds(check.duration()));
      switch (check.verdict()) {
        case PASS -> {}
        case FAIL -> problem("failure", check, view, Text.firstLine(check.feedback(), MESSAGE_CAP));
        case ERROR ->
            problem(
                "error",
                check,
                view,
                "could not run: " + Text.firstLine(check.feedback(), MESSAGE_CAP));
        case NOT_JUDGED -> {
          newline(3);
          xml.writeEmptyElement("skipped");
          xml.writeAttribute(
              "message", "not judged here: " + Text.firstLine(view.notJudgedReason(), MESSAGE_CAP));
        }
      }
      if (!check.output().isBlank()) {
        newline(3);
        xml.writeStartElement("system-out");
        xml.writeCharacters(Text.capped(check.output(), OUTPUT_CAP));
        xml.writeEndElement();
      }
      if (!empty) {
        newline(2);
        xml.writeEndElement();
      }
    }

    private void problem(String element, CheckResult check, CheckFeedback view, String message)
        throws XMLStreamException {
      StringBuilder body = new StringBuilder(Text.capped(check.feedback(), FEEDBACK_CAP).strip());
      if (check.verdict() == Verdict.ERROR) {
        body.append(body.isEmpty() ? "" : "\n").append(Text.ERROR_EXPLANATION);
      }
      if (view.measurement() != null) {
        body.append(body.isEmpty() ? "" : "\n\n").append(view.measurement().line());
      }
      newline(3);
      xml.writeStartElement(element);
      xml.writeAttribute("message", message.isEmpty() ? check.verdict().id() : message);
      xml.writeAttribute("type", check.goal().id());
      xml.writeCharacters(body.toString());
      xml.writeEndElement();
    }

    private void infrastructureSuite() throws XMLStreamException {
      newline(1);
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "forklab");
      xml.writeAttribute("tests", "1");
      xml.writeAttribute("failures", "0");
      xml.writeAttribute("errors", "1");
      xml.writeAttribute("skipped", "0");
      xml.writeAttribute("time", Text.seconds(grade.elapsed()));
      timestamp();
      newline(2);
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", "forklab.infrastructure");
      xml.writeAttribute("name", "grading run");
      xml.writeAttribute("time", Text.seconds(grade.elapsed()));
      newline(3);
      xml.writeStartElement("error");
      xml.writeAttribute(
          "message",
          "no score was given: " + Text.firstLine(grade.infrastructureError(), MESSAGE_CAP));
      xml.writeAttribute("type", "infrastructure");
      xml.writeCharacters(
          Text.NO_SCORE + "\n" + Text.capped(grade.infrastructureError(), FEEDBACK_CAP).strip());
      xml.writeEndElement();
      if (!grade.warnings().isEmpty()) {
        newline(3);
        xml.writeStartElement("system-err");
        xml.writeCharacters(Text.clean(String.join("\n", grade.warnings())));
        xml.writeEndElement();
      }
      newline(2);
      xml.writeEndElement();
      newline(1);
      xml.writeEndElement();
    }

    private void property(String name, String value) throws XMLStreamException {
      newline(3);
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", name);
      xml.writeAttribute("value", Text.oneLine(value, 1_000));
    }

    private void timestamp() throws XMLStreamException {
      if (grade.startedAt() != null) {
        xml.writeAttribute(
            "timestamp",
            TIMESTAMP.format(
                grade.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
      }
    }

    private void newline(int depth) throws XMLStreamException {
      xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static long count(List<CheckResult> checks, Verdict verdict) {
      return checks.stream().filter(check -> check.verdict() == verdict).count();
    }
  }
}
