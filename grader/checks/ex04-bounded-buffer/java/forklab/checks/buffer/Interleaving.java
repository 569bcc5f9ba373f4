package forklab.checks.buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lincheck's report of a failing interleaving, cut down to what a student wrote: for each thread,
 * the calls into the buffer and the steps directly inside them (locking, reading and writing its
 * fields, waiting, waking), with the thread switches, in the order they happened. The steps Lincheck
 * also traces inside the JDK (the lock's queue, parking) are left out.
 */
final class Interleaving {
  static final int MAX_STEPS = 40;
  private static final String TABLE_START = "The following interleaving leads to the error:";

  private static final String DETAILED_START = "Detailed trace:";

  /** Marks a step inside a call; reports may fold spaces, so an arrow shows the nesting. */
  private static final String INSIDE = "  ↳ ";

  /** Where in the source a detailed trace's step happened: {@code  at BoundedBuffer.put(B.java:30)}. */
  private static final Pattern SOURCE = Pattern.compile("\\s+at [\\w.$<>]+\\([\\w.]+:\\d+\\)$");

  /** A call of the buffer's own methods, where a student's code starts. */
  private static final Pattern BUFFER_CALL =
      Pattern.compile("\\b(put|take|offer|poll|size|capacity)\\(");

  /** An open row of a thread's call tree: a call, a loop the trace wraps, or anything else. */
  private record Frame(int depth, boolean wrapper, boolean call) {}

  private Interleaving() {}

  /** The student-facing steps of {@code report}, one per line; empty when there is no table. */
  static List<String> steps(String report) {
    // The detailed trace shows every step; the short table above it folds loops it finds dull.
    String heading = report.contains(DETAILED_START) ? DETAILED_START : TABLE_START;
    int start = report.indexOf(heading);
    if (start < 0) {
      return List.of();
    }
    List<String> table = new ArrayList<>();
    for (String line : report.substring(start + heading.length()).strip().split("\n")) {
      if (!line.startsWith("|")) {
        break;
      }
      table.add(line);
    }
    List<String> rows = table.stream().filter(line -> !line.startsWith("| -")).toList();
    if (rows.size() < 2) {
      return List.of();
    }
    List<Integer> bars = bars(rows.getFirst());
    List<String> threads = new ArrayList<>();
    for (int i = 0; i + 1 < bars.size(); i++) {
      // Lincheck's columns are the main thread, then Thread 1, 2, ... in order.
      threads.add(i == 0 ? "Main Thread" : "Thread " + i);
    }
    Map<Integer, Deque<Frame>> open = new HashMap<>();
    List<String> steps = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      for (int column = 0; column < threads.size(); column++) {
        String cell = cell(row, bars.get(column), bars.get(column + 1));
        if (cell.isBlank() || threads.get(column).equals("Main Thread")) {
          continue;
        }
        String step = SOURCE.matcher(cell.strip()).replaceFirst("");
        int depth = (cell.length() - cell.stripLeading().length() - 1) / 2;
        Deque<Frame> stack = open.computeIfAbsent(column, c -> new ArrayDeque<>());
        while (!stack.isEmpty() && stack.peek().depth() >= depth) {
          stack.pop();
        }
        boolean wrapper = step.startsWith("loop(") || step.startsWith("<iteration");
        boolean inCall = stack.stream().anyMatch(Frame::call);
        long levelsInside = 0;
        for (Frame frame : stack) {
          if (frame.call()) {
            break;
          }
          levelsInside += frame.wrapper() ? 0 : 1;
        }
        boolean call = !inCall && BUFFER_CALL.matcher(step).find();
        stack.push(new Frame(depth, wrapper, call));
        if (wrapper || step.equals("PARK") || step.equals("UNPARK")) {
          continue;
        }
        String line;
        if (call) {
          line = step;
        } else if (inCall && levelsInside == 0) {
          line = INSIDE + step;
        } else if (step.startsWith("switch")) {
          line = (inCall ? INSIDE : "") + step;
        } else {
          continue;
        }
        line = threads.get(column) + ": " + line;
        if (steps.isEmpty() || !steps.getLast().equals(line)) {
          steps.add(line);
        }
      }
    }
    if (steps.size() > MAX_STEPS) {
      int more = steps.size() - MAX_STEPS;
      steps = new ArrayList<>(steps.subList(0, MAX_STEPS));
      steps.add("... and " + more + " more steps");
    }
    return steps;
  }

  /** Whether Lincheck found every unfinished thread waiting for ever. */
  static boolean hung(String report) {
    return report.contains("has hung") || report.contains("deadlock");
  }

  private static List<Integer> bars(String header) {
    List<Integer> bars = new ArrayList<>();
    for (int i = 0; i < header.length(); i++) {
      if (header.charAt(i) == '|') {
        bars.add(i);
      }
    }
    return bars;
  }

  private static String cell(String row, int from, int to) {
    if (from + 1 >= row.length()) {
      return "";
    }
    return row.substring(from + 1, Math.min(to, row.length()));
  }
}
