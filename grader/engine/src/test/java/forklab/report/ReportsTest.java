package forklab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

  @Test
  void writesAllFourFilesIntoAFolderItCreates(@TempDir Path temp) throws IOException {
    Path out = temp.resolve("grade-report/nested");

    var written = Reports.writeAll(Grades.mixed(), out);

    assertThat(written)
        .containsExactly(
            out.resolve("results.json"),
            out.resolve("junit.xml"),
            out.resolve("summary.md"),
            out.resolve("report.html"));
    assertThat(written).allSatisfy(path -> assertThat(path).isNotEmptyFile());
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).hasSize(4);
    }
  }

  @Test
  void replacesEarlierReports(@TempDir Path out) throws IOException {
    Reports.writeAll(Grades.mixed(), out);

    Reports.writeAll(Grades.passing(), out);

    assertThat(Files.readString(out.resolve("summary.md")))
        .startsWith("# Forklab feedback: 3 / 3 points");
  }

  @Test
  void writesTheSameBytesForTheSameGrade(@TempDir Path temp) throws IOException {
    Reports.writeAll(Grades.mixed(), temp.resolve("a"));
    Reports.writeAll(Grades.mixed(), temp.resolve("b"));

    for (String name : new String[] {"results.json", "junit.xml", "summary.md", "report.html"}) {
      assertThat(Files.readAllBytes(temp.resolve("a").resolve(name)))
          .isEqualTo(Files.readAllBytes(temp.resolve("b").resolve(name)));
    }
  }

  @Test
  void leavesReportsReadableLikeAnyOtherNewFile(@TempDir Path out) throws IOException {
    Path plain = Files.writeString(out.resolve("plain.txt"), "x");

    Path summary = Reports.summaryMarkdown().write(Grades.mixed(), out);

    assertThat(Files.isReadable(summary)).isTrue();
    if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(summary))
          .isEqualTo(Files.getPosixFilePermissions(plain));
    }
  }

  @Test
  void failsWhenTheOutputFolderIsAFile(@TempDir Path temp) throws IOException {
    Path file = Files.writeString(temp.resolve("grade-report"), "not a folder");

    assertThatThrownBy(() -> Reports.writeAll(Grades.mixed(), file))
        .isInstanceOf(IOException.class);
  }

  @Test
  void everyReportShowsBidirectionalControlsInsteadOfObeyingThem() throws IOException {
    for (ReportFormat writer : Reports.formats()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      writer.write(Grades.mergeRequestAttack(), out);
      String report = out.toString(StandardCharsets.UTF_8);

      assertThat(report.codePoints().filter(ReportsTest::isBidiControl).toArray())
          .as(writer.fileName())
          .isEmpty();
      assertThat(report)
          .as(writer.fileName())
          .contains("U+202E")
          .contains("U+202C")
          .contains("U+2066")
          .contains("U+2069")
          .contains("U+200F")
          .contains("U+200E");
    }
  }

  // Unicode's Bidi_Control property, written out here so that the test does not trust the code it
  // tests.
  private static boolean isBidiControl(int c) {
    return c == 0x061C
        || c == 0x200E
        || c == 0x200F
        || c >= 0x202A && c <= 0x202E
        || c >= 0x2066 && c <= 0x2069;
  }

  @Test
  void namesEachWritersFile() {
    assertThat(Reports.formats())
        .extracting(ReportFormat::fileName)
        .containsExactly(
            Reports.RESULTS_JSON, Reports.JUNIT_XML, Reports.SUMMARY_MD, Reports.REPORT_HTML)
        .containsExactly("results.json", "junit.xml", "summary.md", "report.html");
  }
}
