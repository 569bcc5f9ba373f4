package forklab.checks.cost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Tiny tasks that record how often each ran and on which thread, for threadPerTask and pooled. Task
 * i adds 1 to its own slot and notes {@code Thread.currentThread()}.
 */
final class Tasks {
  private final AtomicIntegerArray runs;
  private final AtomicReferenceArray<Thread> threads;
  private final List<Runnable> list;

  /** {@code n} tasks that note their threads. */
  Tasks(int n) {
    this(n, true);
  }

  /**
   * {@code n} tasks; without {@code noteThreads} they only count their runs (then the threads they
   * ran on, which may be thousands of dead ones, are not kept).
   */
  Tasks(int n, boolean noteThreads) {
    runs = new AtomicIntegerArray(n);
    threads = new AtomicReferenceArray<>(noteThreads ? n : 0);
    List<Runnable> tasks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int slot = i;
      tasks.add(
          noteThreads
              ? () -> {
                threads.set(slot, Thread.currentThread());
                runs.incrementAndGet(slot);
              }
              : () -> runs.incrementAndGet(slot));
    }
    list = Collections.unmodifiableList(tasks);
  }

  /**
   * Forgets every run (and thread): the same tasks can be handed out afresh. Plain writes are
   * enough: starting a thread or submitting a task makes them visible to the threads that run it.
   */
  void reset() {
    for (int i = 0; i < runs.length(); i++) {
      runs.setPlain(i, 0);
    }
    for (int i = 0; i < threads.length(); i++) {
      threads.setPlain(i, null);
    }
  }

  /** The tasks to hand to the submission (an unmodifiable list). */
  List<Runnable> list() {
    return list;
  }

  int size() {
    return list.size();
  }

  /** What is wrong with the runs so far, or an empty string when every task ran exactly once. */
  String wrongRuns() {
    int never = 0;
    int more = 0;
    int firstNever = -1;
    int firstMore = -1;
    for (int i = 0; i < runs.length(); i++) {
      int count = runs.get(i);
      if (count == 0) {
        never++;
        firstNever = firstNever < 0 ? i : firstNever;
      } else if (count > 1) {
        more++;
        firstMore = firstMore < 0 ? i : firstMore;
      }
    }
    List<String> problems = new ArrayList<>();
    if (never > 0) {
      problems.add(never + " task(s) had not run (task " + firstNever + " first)");
    }
    if (more > 0) {
      problems.add(more + " task(s) ran more than once (task " + firstMore + " first)");
    }
    return String.join("; ", problems);
  }

  /** The distinct threads the tasks ran on, by identity (none unless they note them). */
  Set<Thread> threads() {
    Set<Thread> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < threads.length(); i++) {
      Thread thread = threads.get(i);
      if (thread != null) {
        distinct.add(thread);
      }
    }
    return distinct;
  }

  /** The thread task {@code i} ran on, or null (always, unless the tasks note their threads). */
  Thread thread(int i) {
    return i < threads.length() ? threads.get(i) : null;
  }
}
