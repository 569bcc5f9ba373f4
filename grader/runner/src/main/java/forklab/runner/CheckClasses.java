package forklab.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The check classes, read into memory so that their files can be deleted before any student code
 * runs: what the submission could read from disk, it can then no longer find.
 */
final class CheckClasses extends ClassLoader {
  private final Map<String, byte[]> bytecode;

  private CheckClasses(Map<String, byte[]> bytecode, ClassLoader parent) {
    super("forklab-checks", parent);
    this.bytecode = bytecode;
  }

  /** Reads every class under {@code roots}; empties the folders afterwards when {@code hide}. */
  static CheckClasses load(List<Path> roots, boolean hide, ClassLoader parent) throws IOException {
    Map<String, byte[]> bytecode = new LinkedHashMap<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
          String relative = root.relativize(file).toString();
          String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
          bytecode.put(name, Files.readAllBytes(file));
        }
      }
      if (hide) {
        try (Stream<Path> paths = Files.walk(root)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(root)).toList()) {
            Files.delete(path);
          }
        }
      }
    }
    return new CheckClasses(bytecode, parent);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = bytecode.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** The top-level and nested classes, loaded through this loader, for JUnit to select. */
  List<Class<?>> classes() throws ClassNotFoundException {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : bytecode.keySet()) {
      classes.add(loadClass(name));
    }
    return classes;
  }
}
