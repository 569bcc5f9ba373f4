package forklab.sandbox.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files the grader runs from (the runner's classes, libraries and modules, the engine's
 * classes, Forklab's caches), each with a digest of its content: to prove that a submission changed
 * none.
 */
final class GraderFiles {
  private GraderFiles() {}

  static Map<Path, String> digests(Path home) {
    Map<Path, String> digests = new TreeMap<>();
    for (Path root :
        List.of(
            home.resolve("grader/runner/target/classes"),
            home.resolve("grader/runner/target/runner-lib"),
            home.resolve("grader/runner/target/runner-modules"),
            home.resolve("grader/engine/target/classes"),
            home.resolve(".forklab"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file :
            files
                .filter(Files::isRegularFile)
                .filter(file -> !file.toString().endsWith(".log"))
                .toList()) {
          digests.put(file, sha256(Files.readAllBytes(file)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return digests;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
