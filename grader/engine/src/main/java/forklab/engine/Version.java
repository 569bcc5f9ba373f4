package forklab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Forklab's version, as the build wrote it into {@code forklab/engine/version.properties}. */
public final class Version {
  private static final String CURRENT = read();

  private Version() {}

  /** The plain version string, for example {@code 0.1.0}; the same in results.json. */
  public static String current() {
    return CURRENT;
  }

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing: rebuild Forklab");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").strip();
      if (version.isEmpty() || version.startsWith("${")) {
        throw new IllegalStateException(
            "version.properties was not filtered by the build: rebuild Forklab");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read version.properties", e);
    }
  }
}
