package forklab.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import forklab.cli.Forklab;
import forklab.engine.Fixtures;
import forklab.files.FileTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile submissions graded end to end through the command line, in the Docker sandbox and in the
 * local sandbox confined by bubblewrap. Each attacks in exercise ex90-echo of the test course;
 * ex91-plain is a bystander. For every attack the grader exits 0, the attacked check earns nothing,
 * the bystander earns everything, the reports hold nothing the attack tried to smuggle out, the
 * grader's own files are unchanged, and the host is left as it was. Where a sandbox is missing the
 * test is skipped, and fails instead under {@code -Dforklab.requireDocker=true} (CI).
 */
@Tag("slow")
@Timeout(240)
class AttackSuiteTest {
  static final List<String> ATTACKS =
      List.of(
          "fork-bomb",
          "memory-bomb",
          "system-exit",
          "runtime-halt",
          "endless-loop",
          "detached-grandchildren",
          "stdout-flood",
          "fill-tmpfs",
          "host-connection",
          "read-hidden-checks",
          "overwrite-reports",
          "print-ci-token",
          "junit-extension",
          "shadow-assertions",
          "symlink-escape",
          "endless-thread",
          "forge-from-memory",
          "kill-grader",
          "write-grader-files");

  static final int LISTENER_PORT = 47123;
  static final String MARKER = "hidden-check-marker-7f3a91";
  static final String SYMLINK_SECRET = "symlink-secret-5e2d";
  static final int SANDBOX_UID = 10001;
  static final long REPORT_CAP_BYTES = 256 * 1024;

  static ServerSocket listener;
  static final AtomicInteger connections = new AtomicInteger();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void listenOnTheHost() throws IOException {
    listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress("0.0.0.0", LISTENER_PORT));
    Thread acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                  connections.incrementAndGet();
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "host-listener");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterAll
  static void stopListening() throws IOException {
    listener.close();
  }

  /**
   * {@code -Dforklab.attackSandboxes=local} runs the local half only; {@code
   * -Dforklab.attacks=fill-tmpfs,fork-bomb} runs only those attacks.
   */
  static Stream<Arguments> attacks() {
    List<String> chosen =
        System.getProperty("forklab.attacks", "").isBlank()
            ? ATTACKS
            : List.of(System.getProperty("forklab.attacks").split(","));
    return Stream.of(System.getProperty("forklab.attackSandboxes", "docker,local").split(","))
        .flatMap(sandbox -> chosen.stream().map(attack -> Arguments.of(sandbox, attack)));
  }

  @ParameterizedTest(name = "{1} in the {0} sandbox")
  @MethodSource("attacks")
  void theAttackIsContainedAndEverythingElseIsGradedNormally(
      String sandbox, String attack, @org.junit.jupiter.api.io.TempDir Path work) throws Exception {
    HostLeftovers.requireSandbox(sandbox);
    Map<Path, String> graderFiles = GraderFiles.digests(Fixtures.home());
    String token = System.getenv("CI_JOB_TOKEN");
    assertThat(token).as("surefire gives the tests a CI_JOB_TOKEN to steal").isNotBlank();
    Set<String> volumesBefore = HostLeftovers.volumes();
    Path submission = submission(attack, work);
    Path out = work.resolve("out");

    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int status =
        Forklab.execute(
            new String[] {
              "grade",
              submission.toString(),
              "--course",
              Fixtures.echoCourse().toString(),
              "--sandbox",
              sandbox,
              "--ci",
              "true",
              "--out",
              out.toString(),
              "--seed",
              "11"
            },
            new PrintWriter(stdout, true),
            new PrintWriter(stderr, true));

    assertThat(status).as("exit status; stderr:%n%s", stderr).isZero();
    JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
    assertThat(results.path("extra_data").path("infrastructure_error").isNull()).isTrue();
    assertThat(results.path("extra_data").path("sandbox").asText()).isEqualTo(sandbox);
    for (JsonNode test : results.path("tests")) {
      String exercise = test.path("extra_data").path("exercise").asText();
      String check = test.path("extra_data").path("check").asText();
      if (exercise.equals("ex91-plain")) {
        assertThat(test.path("score").asDouble())
            .as("bystander check %s", check)
            .isEqualTo(test.path("max_score").asDouble());
      }
      if (exercise.equals("ex90-echo") && check.equals("echo returns its input")) {
        assertThat(test.path("score").asDouble()).as("the attacked check").isZero();
      }
    }
    if (attack.equals("fill-tmpfs")) {
      // /tmp, the work folder and /dev/shm are small tmpfs mounts, /dev is read-only: whatever
      // the attack wrote (it tries 2.5 GiB in 40 files) stays within their sizes.
      java.util.regex.Matcher wrote =
          java.util.regex.Pattern.compile("wrote (\\d+) bytes")
              .matcher(Files.readString(out.resolve("results.json")));
      assertThat(wrote.find()).as("the attack says how much it wrote").isTrue();
      assertThat(Long.parseLong(wrote.group(1)))
          .as("bytes the attack could write in the sandbox")
          .isLessThanOrEqualTo(3 * 64L * 1024 * 1024);
    }
    for (String report : List.of("results.json", "junit.xml", "summary.md", "report.html")) {
      Path file = out.resolve(report);
      assertThat(Files.size(file)).as(report + " size").isLessThan(REPORT_CAP_BYTES);
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(text)
          .as(report)
          .doesNotContain(token)
          .doesNotContain(MARKER)
          .doesNotContain(SYMLINK_SECRET);
    }
    assertThat(connections.get()).as("connections the host listener received").isZero();
    assertThat(GraderFiles.digests(Fixtures.home()))
        .as("the grader's own classes, libraries and caches")
        .containsAllEntriesOf(graderFiles);
    assertThat(HostLeftovers.sandboxContainers()).as("sandbox containers left").isEmpty();
    assertThat(HostLeftovers.volumes()).as("docker volumes left").isSubsetOf(volumesBefore);
    assertThat(HostLeftovers.processesOf(SANDBOX_UID))
        .as("processes of the sandbox user left on the host")
        .isEmpty();
    assertThat(
            HostLeftovers.filesOf(
                SANDBOX_UID, List.of(work, Path.of(System.getProperty("java.io.tmpdir")))))
        .as("files of the sandbox user left on the host")
        .isEmpty();
    assertThat(
            Files.exists(
                Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "forklab-" + ProcessHandle.current().pid())))
        .as("the grader's scratch folder")
        .isFalse();
  }

  /** The attack's ex90-echo next to a correct ex91-plain. */
  private static Path submission(String attack, Path work) throws IOException {
    Path submission = work.resolve("submission");
    FileTrees.copy(Path.of("src/test/fixtures/attacks").resolve(attack), submission);
    FileTrees.copy(
        Fixtures.echoSubmission("good").resolve("ex91-plain"), submission.resolve("ex91-plain"));
    if (attack.equals("symlink-escape")) {
      Path secret =
          Files.writeString(
              work.resolve("secret.java"),
              "class Secret { String s = \"" + SYMLINK_SECRET + "\"; }");
      Path sources = submission.resolve("ex90-echo/src/main/java/forklab/echo");
      Files.createSymbolicLink(sources.resolve("Secret.java"), secret);
      Files.createSymbolicLink(sources.resolve("outside"), work);
    }
    return submission;
  }
}
