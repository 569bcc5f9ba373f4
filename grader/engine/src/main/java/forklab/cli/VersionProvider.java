package forklab.cli;

import forklab.engine.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the build was made from. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"forklab " + Version.current()};
  }
}
