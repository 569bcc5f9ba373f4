package forklab.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class JavaCompilationTest {
  private final JavaCompilation javac = new JavaCompilation();

  @TempDir Path root;

  @Test
  void compilesGoodSourcesIntoClassFilesUnderTheirPackageFolders() throws Exception {
    Path src = root.resolve("src");
    Path classes = root.resolve("classes");
    List<Path> sources =
        List.of(
            write(
                src,
                "forklab/demo/Good.java",
                """
            package forklab.demo;

            public class Good {
              record Pair(int a, int b) {}

              public static int sum() {
                Runnable task = () -> {};
                task.run();
                return new Pair(1, 2).a() + forklab.demo.util.Helper.two();
              }
            }
            """),
            write(
                src,
                "forklab/demo/util/Helper.java",
                """
            package forklab.demo.util;

            public class Helper {
              public static int two() {
                return 2;
              }
            }
            """));

    CompileResult result = javac.compile(sources, src, List.of(), classes);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.errors()).isEmpty();
    assertThat(result.classes()).isEqualTo(classes);
    assertThat(classes.resolve("forklab/demo/Good.class")).isRegularFile();
    assertThat(classes.resolve("forklab/demo/Good$Pair.class")).isRegularFile();
    assertThat(classes.resolve("forklab/demo/util/Helper.class")).isRegularFile();
  }

  @Test
  void compilesForJava21() throws Exception {
    Path src = root.resolve("src");
    Path classes = root.resolve("classes");

    javac.compile(
        List.of(write(src, "forklab/demo/A.java", "package forklab.demo; class A {}")),
        src,
        List.of(),
        classes);

    byte[] header = Files.readAllBytes(classes.resolve("forklab/demo/A.class"));
    int major = (header[6] & 0xff) << 8 | header[7] & 0xff;
    assertThat(major).isEqualTo(65);
  }

  @Test
  void compilesAgainstTheGivenClassPath() throws Exception {
    Path librarySrc = root.resolve("lib-src");
    Path library = root.resolve("lib");
    javac.compile(
        List.of(
            write(
                librarySrc,
                "forklab/lib/Api.java",
                "package forklab.lib; public class Api { public static int answer() { return 42; } }")),
        librarySrc,
        List.of(),
        library);
    Path src = root.resolve("src");

    CompileResult result =
        javac.compile(
            List.of(
                write(
                    src,
                    "forklab/demo/User.java",
                    "package forklab.demo; class User { int a = forklab.lib.Api.answer(); }")),
            src,
            List.of(library),
            root.resolve("classes"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.succeeded()).isTrue();
  }

  @Test
  void reportsASyntaxErrorWithItsRelativePathLineColumnSourceLineAndCaret() throws Exception {
    Path src = root.resolve("src");
    Path broken =
        write(
            src,
            "forklab/demo/Broken.java",
            """
        package forklab.demo;

        public class Broken {
          int x = 1
        }
        """);

    CompileResult result = javac.compile(List.of(broken), src, List.of(), root.resolve("classes"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.errors())
        .containsExactly(
            new SourceProblem("forklab/demo/Broken.java", 4, 12, "';' expected", "  int x = 1"));
    assertThat(result.errors().getFirst().describe())
        .isEqualTo(
            """
        forklab/demo/Broken.java:4:12: ';' expected
          int x = 1
                   ^""");
  }

  @Test
  void reportsATypeErrorWithJavacsFullMessage() throws Exception {
    Path src = root.resolve("src");
    Path broken =
        write(
            src,
            "forklab/demo/Typo.java",
            """
        package forklab.demo;

        class Typo {
          int twice() {
            return 2 * countr;
          }
        }
        """);

    CompileResult result = javac.compile(List.of(broken), src, List.of(), root.resolve("classes"));

    assertThat(result.errors())
        .singleElement()
        .extracting(SourceProblem::describe)
        .isEqualTo(
            """
        forklab/demo/Typo.java:5:16: cannot find symbol
          symbol:   variable countr
          location: class forklab.demo.Typo
            return 2 * countr;
                       ^""");
  }

  @Test
  void namesOnlyTheFileForASourceOutsideTheSourceRoot() throws Exception {
    Path elsewhere =
        write(root.resolve("elsewhere"), "Stray.java", "class Stray { void f() { int = 1; } }");

    CompileResult result =
        javac.compile(List.of(elsewhere), root.resolve("src"), List.of(), root.resolve("classes"));

    assertThat(result.errors())
        .isNotEmpty()
        .allSatisfy(error -> assertThat(error.file()).isEqualTo("Stray.java"));
  }

  @Test
  void sortsErrorsByFileThenLine() throws Exception {
    Path src = root.resolve("src");
    List<Path> sources =
        List.of(
            write(
                src,
                "forklab/demo/B.java",
                "package forklab.demo;\nclass B {\n  int b = \"b\";\n  int a = \"a\";\n}\n"),
            write(
                src,
                "forklab/demo/A.java",
                "package forklab.demo;\nclass A {\n\n  String s = 1;\n}\n"));

    CompileResult result = javac.compile(sources, src, List.of(), root.resolve("classes"));

    assertThat(result.errors())
        .extracting(error -> error.file() + ":" + error.line())
        .containsExactly("forklab/demo/A.java:4", "forklab/demo/B.java:3", "forklab/demo/B.java:4");
  }

  @Test
  void capsTheErrorsAtMaxErrors() throws Exception {
    Path src = root.resolve("src");
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      sources.add(
          write(
              src,
              "forklab/demo/E" + i + ".java",
              "package forklab.demo;\nclass E" + i + " {\n  int x = \"" + i + "\";\n}\n"));
    }

    CompileResult result = javac.compile(sources, src, List.of(), root.resolve("classes"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.errors()).hasSize(JavaCompilation.MAX_ERRORS);
    assertThat(result.errors())
        .allSatisfy(error -> assertThat(error.message()).startsWith("incompatible types"));
  }

  @Test
  void capsManyErrorsInOneFileAtMaxErrors() throws Exception {
    Path src = root.resolve("src");
    StringBuilder body = new StringBuilder("package forklab.demo;\nclass Many {\n");
    for (int i = 0; i < 50; i++) {
      body.append("  int f").append(i).append(" = \"").append(i).append("\";\n");
    }
    Path many = write(src, "forklab/demo/Many.java", body.append("}\n").toString());

    CompileResult result = javac.compile(List.of(many), src, List.of(), root.resolve("classes"));

    assertThat(result.errors()).hasSize(JavaCompilation.MAX_ERRORS);
    assertThat(result.errors().getFirst().line()).isEqualTo(3);
  }

  @Test
  void anEmptySourceListSucceedsAndStillCreatesTheClassesFolder() throws Exception {
    Path classes = root.resolve("out/classes");

    CompileResult result = javac.compile(List.of(), root.resolve("src"), List.of(), classes);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.errors()).isEmpty();
    assertThat(classes).isEmptyDirectory();
  }

  @Test
  void describesAProblemWithoutLineColumnOrSourceLineCompactly() {
    assertThat(
            new SourceProblem("(compiler)", 0, 0, "compilation failed without a message", "")
                .describe())
        .isEqualTo("(compiler): compilation failed without a message");
    assertThat(new SourceProblem("forklab/demo/X.java", 7, 0, "forbidden API", "").describe())
        .isEqualTo("forklab/demo/X.java:7: forbidden API");
    assertThat(
            new SourceProblem(
                    "forklab/demo/X.java", 7, 0, "forbidden API", "    System.exit(1);   ")
                .describe())
        .isEqualTo("forklab/demo/X.java:7: forbidden API\n    System.exit(1);");
    assertThat(new SourceProblem("forklab/demo/X.java", 7, 3, "bad", "   ").describe())
        .isEqualTo("forklab/demo/X.java:7:3: bad");
  }

  @Test
  void capsTheCaretIndentForVeryLongLines() {
    String line = "x".repeat(1000);

    String described = new SourceProblem("L.java", 1, 900, "too far", line).describe();

    assertThat(described)
        .isEqualTo("L.java:1:900: too far\n" + line + "\n" + " ".repeat(200) + "^");
  }

  @Test
  void neverCompilesAgainstSourcesThatLieInTheWorkingFolder() throws Exception {
    // In CI the working folder is the merge request's checkout: a stub planted there must not
    // resolve.
    Path planted = Path.of("").toAbsolutePath().resolve("plantedstub/Planted.java");
    Files.createDirectories(planted.getParent());
    Files.writeString(
        planted,
        "package plantedstub; public class Planted { public static int answer() { return 42; } }");
    try {
      Path src = root.resolve("src");
      Path student =
          write(
              src,
              "forklab/demo/Uses.java",
              "package forklab.demo; class Uses { int a = plantedstub.Planted.answer(); }");

      CompileResult result =
          javac.compile(List.of(student), src, List.of(), root.resolve("classes"));

      assertThat(result.succeeded()).isFalse();
      assertThat(result.errors().getFirst().message())
          .contains("package plantedstub does not exist");
    } finally {
      Files.deleteIfExists(planted);
      Files.deleteIfExists(planted.getParent());
    }
  }

  @Test
  void stopsACompilationThatRunsPastItsTimeLimitAndSaysSoAsACompileError() throws Exception {
    Path src = root.resolve("src");
    Path source = write(src, "forklab/demo/A.java", "package forklab.demo; class A {}");

    CompileResult result =
        new JavaCompilation(java.time.Duration.ofMillis(50))
            .compile(List.of(source), src, List.of(), root.resolve("classes"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.file()).isEqualTo("(compiler)");
              assertThat(error.message())
                  .startsWith("compiling took longer than 50 ms and was stopped;");
            });
  }

  private static Path write(Path folder, String relative, String text) throws Exception {
    Path file = folder.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
