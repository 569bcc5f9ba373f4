package forklab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forklab.score.GradeResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

class JunitXmlWriterTest {

  static String render(GradeResult grade) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Reports.junitXml().write(grade, out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void validate(String xml) throws SAXException, IOException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator validator =
        factory.newSchema(JunitXmlWriterTest.class.getResource("junit.xsd")).newValidator();
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String xpath(Document document, String expression) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(expression, document);
  }

  static Stream<GradeResult> grades() {
    return Grades.all().stream();
  }

  @ParameterizedTest
  @MethodSource("grades")
  void everyWrittenDocumentFollowsTheJunitSchema(GradeResult grade) throws Exception {
    validate(render(grade));
  }

  @Test
  void schemaRejectsATestCaseWithoutANameAndAnUnknownElement() {
    String invalid =
        """
        <testsuites><testsuite name="ex01" tests="1">
          <testcase classname="ex01.speedup"><flaky/></testcase>
        </testsuite></testsuites>""";

    assertThatThrownBy(() -> validate(invalid)).isInstanceOf(SAXException.class);
  }

  @Test
  void schemaRejectsAFailureAndASkipTogether() {
    String invalid =
        """
        <testsuites><testsuite name="ex01" tests="1">
          <testcase classname="ex01.speedup" name="x"><failure message="m"/><skipped/></testcase>
        </testsuite></testsuites>""";

    assertThatThrownBy(() -> validate(invalid)).isInstanceOf(SAXException.class);
  }

  @Test
  void countsEveryVerdictPerExerciseAndOverall() throws Exception {
    Document xml = parse(render(Grades.mixed()));

    assertThat(
            xpath(
                xml,
                "concat(/testsuites/@tests, ' ', /testsuites/@failures, ' ', /testsuites/@errors, ' ',"
                    + " /testsuites/@skipped)"))
        .isEqualTo("8 1 1 1");
    assertThat(xpath(xml, "/testsuites/testsuite[1]/@name")).isEqualTo("ex01-workers");
    assertThat(
            xpath(
                xml,
                "concat(/testsuites/testsuite[2]/@tests, ' ', /testsuites/testsuite[2]/@failures, ' ',"
                    + " /testsuites/testsuite[2]/@errors, ' ', /testsuites/testsuite[2]/@skipped)"))
        .isEqualTo("5 0 1 1");
    assertThat(xpath(xml, "/testsuites/testsuite[1]/@timestamp")).isEqualTo("2025-03-04T10:15:30");
    assertThat(xpath(xml, "/testsuites/testsuite[1]/@time")).isEqualTo("1.852");
  }

  @Test
  void aFailureCarriesTheFeedbackAndTheGoal() throws Exception {
    Document xml = parse(render(Grades.mixed()));
    String overlap = "//testcase[@name='threads overlap']";

    assertThat(xpath(xml, overlap + "/@classname")).isEqualTo("ex01-workers.concurrency");
    assertThat(xpath(xml, overlap + "/@time")).isEqualTo("1.612");
    assertThat(xpath(xml, overlap + "/failure/@message"))
        .isEqualTo("the five workers did not overlap");
    assertThat(xpath(xml, overlap + "/failure/@type")).isEqualTo("concurrency");
    assertThat(xpath(xml, overlap + "/failure"))
        .isEqualTo(
            Grades.OVERLAP_FEEDBACK
                + "\n\nmeasured 1.512 s, required at most 0.9 s, calibrated limit 1.2 s");
    assertThat(xpath(xml, overlap + "/system-out")).isEqualTo("worker 1 done\nworker 2 done\n");
  }

  @Test
  void aNotJudgedCheckIsSkippedAndAnErroredOneIsAnError() throws Exception {
    Document xml = parse(render(Grades.mixed()));

    assertThat(xpath(xml, "//testcase[@name='speeds up with 8 threads']/skipped/@message"))
        .isEqualTo("not judged here: only 1 CPU here; a speedup needs 2 or more");
    assertThat(xpath(xml, "//testcase[@name='counts primes']/error/@message"))
        .isEqualTo("could not run: the check JVM did not start: exit code 137");
    assertThat(xpath(xml, "count(//failure)")).isEqualTo("1");
  }

  @Test
  void anInfrastructureErrorIsOneErroredCaseNeverAFailure() throws Exception {
    Document xml = parse(render(Grades.infrastructureError()));

    assertThat(xpath(xml, "/testsuites/@errors")).isEqualTo("2");
    assertThat(xpath(xml, "/testsuites/@failures")).isEqualTo("1");
    assertThat(xpath(xml, "//testsuite[@name='forklab']/testcase/error/@message"))
        .isEqualTo("no score was given: the Docker engine stopped answering after 30 s");
    assertThat(xpath(xml, "//testsuite[@name='forklab']/testcase/error/@type"))
        .isEqualTo("infrastructure");
  }

  @Test
  void hostileOutputStaysWellFormedAndReadable() throws Exception {
    String rendered = render(Grades.hostile());
    Document xml = parse(rendered);

    assertThat(rendered).doesNotContain("\u0000", "\u001B").contains("]]&gt;");
    String out =
        (String)
            XPathFactory.newInstance()
                .newXPath()
                .evaluate("//testcase/system-out", xml, XPathConstants.STRING);
    assertThat(out)
        .startsWith("]]> <script>alert('x')</script> ``` </details> | ^@ ^[ red &amp;\n")
        .hasSizeLessThan(JunitXmlWriter.OUTPUT_CAP + 100)
        .endsWith("more characters not shown");
    assertThat(xpath(xml, "//testcase/@name")).isEqualTo("name with | pipe and <b>bold</b>");
    assertThat(xpath(xml, "//failure/@message"))
        .isEqualTo("expected 5 but got <script>alert(1)</script>");
    assertThat(
            (Node)
                XPathFactory.newInstance()
                    .newXPath()
                    .evaluate("//script", xml, XPathConstants.NODE))
        .isNull();
  }
}
