package forklab.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The check classes, defined from the bytes the grader sent. A name it holds is always defined here
 * and never asked of the parent, so a student class with the same name (a public test's, for
 * example) can never stand in for a check; every other name (the student's classes, the libraries)
 * comes from the parent.
 */
final class CheckClasses extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> bytecode;

  CheckClasses(Map<String, byte[]> bytecode, ClassLoader parent) {
    super("forklab-checks", parent);
    this.bytecode = Map.copyOf(bytecode);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!bytecode.containsKey(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        byte[] bytes = bytecode.get(name);
        loaded = defineClass(name, bytes, 0, bytes.length);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    throw new ClassNotFoundException(name);
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
