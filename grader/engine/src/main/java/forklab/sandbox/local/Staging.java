package forklab.sandbox.local;

import forklab.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Makes class path entries readable by the sandbox user, who is nobody on the host: an entry that
 * others can already reach is used where it is; any other is copied into a folder others may pass
 * through but not list (a jar once per sandbox, a class folder, whose content may change, every
 * time).
 */
final class Staging {
  private static final Set<PosixFilePermission> PASS_THROUGH =
      PosixFilePermissions.fromString("rwx--x--x");

  private final Path root;
  private final Map<Path, Path> staged = new ConcurrentHashMap<>();

  Staging(Path root) {
    this.root = root;
  }

  /** {@code entries}, each replaced by a staged copy where others cannot read it. */
  List<Path> reachable(List<Path> entries) throws IOException {
    List<Path> result = new ArrayList<>();
    for (Path entry : entries) {
      result.add(reachableByOthers(entry) ? entry : stage(entry));
    }
    return result;
  }

  private Path stage(Path entry) throws IOException {
    Path existing = staged.get(entry);
    if (existing != null) {
      return existing;
    }
    passThrough(root.getParent());
    Files.createDirectories(root);
    passThrough(root);
    Path copy =
        Files.createTempDirectory(
                root, "entry-", PosixFilePermissions.asFileAttribute(PASS_THROUGH))
            .resolve(entry.getFileName());
    if (Files.isDirectory(entry)) {
      FileTrees.copy(entry, copy);
    } else {
      Files.copy(entry, copy);
    }
    try (Stream<Path> paths = Files.walk(copy)) {
      for (Path path : paths.toList()) {
        Files.setPosixFilePermissions(
            path,
            PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    if (!Files.isDirectory(entry)) {
      staged.put(entry, copy);
    }
    return copy;
  }

  private static void passThrough(Path folder) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
    if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
      permissions.add(PosixFilePermission.OTHERS_EXECUTE);
      Files.setPosixFilePermissions(folder, permissions);
    }
  }

  /** Whether every folder on the way lets others through and the entry lets others read it. */
  static boolean reachableByOthers(Path entry) {
    try {
      Path absolute = entry.toAbsolutePath().normalize();
      Set<PosixFilePermission> own = Files.getPosixFilePermissions(absolute);
      if (!own.contains(PosixFilePermission.OTHERS_READ)
          || Files.isDirectory(absolute) && !own.contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return false;
      }
      for (Path folder = absolute.getParent(); folder != null; folder = folder.getParent()) {
        if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return false;
        }
      }
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
