package forklab.hardening;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Makes the calling process non-dumpable ({@code prctl(PR_SET_DUMPABLE, 0)}) on Linux.
 *
 * <p>A non-dumpable process leaves no core dump, cannot be traced or have its memory read by other
 * processes of the same user (a child reading {@code /proc/<parent>/mem}), and its {@code /proc}
 * entries belong to root, so an unprivileged process cannot open even its own {@code
 * /proc/self/mem}. The check JVM calls this first, before any student class is loaded.
 */
public final class ProcessHardening {
  private static final int PR_SET_DUMPABLE = 4;
  private static final int PR_GET_DUMPABLE = 3;

  private ProcessHardening() {}

  /**
   * Makes this process non-dumpable and checks that it is.
   *
   * @throws IllegalStateException when the kernel refused or the state did not change
   */
  public static void denyMemoryAccess() {
    try {
      Linker linker = Linker.nativeLinker();
      MethodHandle prctl =
          linker.downcallHandle(
              linker
                  .defaultLookup()
                  .find("prctl")
                  .orElseThrow(() -> new IllegalStateException("no prctl in libc")),
              FunctionDescriptor.of(
                  ValueLayout.JAVA_INT,
                  ValueLayout.JAVA_INT,
                  ValueLayout.JAVA_LONG,
                  ValueLayout.JAVA_LONG,
                  ValueLayout.JAVA_LONG,
                  ValueLayout.JAVA_LONG));
      int set = (int) prctl.invokeExact(PR_SET_DUMPABLE, 0L, 0L, 0L, 0L);
      int now = (int) prctl.invokeExact(PR_GET_DUMPABLE, 0L, 0L, 0L, 0L);
      if (set != 0 || now != 0) {
        throw new IllegalStateException(
            "prctl(PR_SET_DUMPABLE, 0) returned " + set + ", dumpable is " + now);
      }
    } catch (IllegalStateException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot make the check JVM non-dumpable: " + e, e);
    }
  }
}
