package forklab.pipes;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A pool of worker JVMs, each running {@link PipeWorker}, fed over pipes: an input goes to a worker
 * as a line on its stdin, its answer comes back as a line on its stdout. Each worker has one input
 * at a time; a thread of {@code map} per worker keeps it busy, so all workers compute at once.
 */
public final class ProcessPool implements AutoCloseable {
  /** An input: 1 to 18 decimal digits (so it fits a long), surrounding spaces allowed. */
  private static final Pattern INPUT = Pattern.compile(" *([0-9]{1,18}) *");

  /** How many workers one input may kill before map gives up on it. */
  private static final int DEATHS_PER_INPUT = 3;

  private final Worker[] workers;
  private final Object mapping = new Object();
  private volatile boolean closed;
  private List<String> arrived;

  /** Starts {@code workers} child JVMs running {@link PipeWorker}. */
  public ProcessPool(int workers) throws IOException {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
    this.workers = new Worker[workers];
    try {
      for (int i = 0; i < workers; i++) {
        this.workers[i] = Worker.start();
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * The count of primes below each input, computed in the workers, in input order. Every line is
   * checked before any is sent; a worker that dies meanwhile is replaced and its input sent again.
   */
  public List<String> map(List<String> inputs) throws IOException, InterruptedException {
    Objects.requireNonNull(inputs, "inputs");
    String[] numbers = validate(inputs);
    synchronized (mapping) {
      ensureOpen();
      String[] answers = new String[numbers.length];
      arrived = java.util.Collections.synchronizedList(new ArrayList<>());
      ConcurrentLinkedQueue<Integer> pending = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < numbers.length; i++) {
        pending.add(i);
      }
      AtomicInteger[] deaths = new AtomicInteger[numbers.length];
      for (int i = 0; i < numbers.length; i++) {
        deaths[i] = new AtomicInteger();
      }
      List<Feeder> feeders = new ArrayList<>();
      for (int slot = 0; slot < workers.length; slot++) {
        feeders.add(new Feeder(slot, numbers, answers, pending, deaths));
      }
      List<Thread> threads = new ArrayList<>();
      for (Feeder feeder : feeders) {
        threads.add(Thread.ofPlatform().name("pipe-feeder-" + feeder.slot).start(feeder));
      }
      try {
        for (Thread thread : threads) {
          thread.join();
        }
      } catch (InterruptedException e) {
        // The feeders may be blocked reading a pipe: ending the workers ends the reads.
        for (Worker worker : snapshot()) {
          worker.process.destroyForcibly();
        }
        for (Thread thread : threads) {
          thread.join();
        }
        throw e;
      }
      for (Feeder feeder : feeders) {
        if (feeder.failure != null) {
          throw feeder.failure;
        }
      }
      // A worker that died after its last answer is noticed here, and replaced.
      for (int slot = 0; slot < workers.length; slot++) {
        if (!worker(slot).process.isAlive()) {
          replace(slot);
        }
      }
      return List.copyOf(arrived);
    }
  }

  /** The pids of the live workers. */
  public List<Long> workerPids() {
    List<Long> pids = new ArrayList<>();
    for (Worker worker : snapshot()) {
      if (worker != null && worker.process.isAlive()) {
        pids.add(worker.process.pid());
      }
    }
    return pids;
  }

  /** Ends every worker and waits for it; a second call does nothing. */
  @Override
  public void close() {
    closed = true;
    List<Worker> all = snapshot();
    for (Worker worker : all) {
      if (worker != null) {
        worker.endInput();
      }
    }
    for (Worker worker : all) {
      if (worker != null) {
        worker.awaitEnd();
      }
    }
  }

  /** The stripped digits of every input; the first malformed line throws, naming it. */
  private static String[] validate(List<String> inputs) {
    String[] numbers = new String[inputs.size()];
    for (int i = 0; i < numbers.length; i++) {
      String line = inputs.get(i);
      var match = line == null ? null : INPUT.matcher(line);
      if (match == null || !match.matches()) {
        throw new IllegalArgumentException(
            "input line "
                + i
                + " is malformed: "
                + (line == null ? "null" : "\"" + line + "\"")
                + " (expected 1 to 18 decimal digits, surrounding spaces allowed)");
      }
      numbers[i] = match.group(1);
    }
    return numbers;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this ProcessPool is closed");
    }
  }

  private synchronized Worker worker(int slot) {
    return workers[slot];
  }

  private synchronized List<Worker> snapshot() {
    List<Worker> all = new ArrayList<>();
    for (Worker worker : workers) {
      if (worker != null) {
        all.add(worker);
      }
    }
    return all;
  }

  /** Ends the worker in {@code slot} for good and starts another in its place. */
  private Worker replace(int slot) throws IOException {
    Worker dead = worker(slot);
    dead.process.destroyForcibly();
    dead.awaitEnd();
    ensureOpen();
    Worker fresh = Worker.start();
    synchronized (this) {
      workers[slot] = fresh;
    }
    if (closed) {
      // close() may have missed the new worker: end it here.
      fresh.endInput();
      fresh.awaitEnd();
      ensureOpen();
    }
    return fresh;
  }

  /** Keeps the worker of one slot busy: takes inputs until none is left. */
  private final class Feeder implements Runnable {
    final int slot;
    private final String[] numbers;
    private final String[] answers;
    private final ConcurrentLinkedQueue<Integer> pending;
    private final AtomicInteger[] deaths;
    IOException failure;

    Feeder(
        int slot,
        String[] numbers,
        String[] answers,
        ConcurrentLinkedQueue<Integer> pending,
        AtomicInteger[] deaths) {
      this.slot = slot;
      this.numbers = numbers;
      this.answers = answers;
      this.pending = pending;
      this.deaths = deaths;
    }

    @Override
    public void run() {
      Worker worker = worker(slot);
      for (Integer next = pending.poll(); next != null; next = pending.poll()) {
        int index = next;
        try {
          String answer = worker.ask(numbers[index]);
          answers[index] = answer;
          // The answers, as they come in.
          arrived.add(answer);
        } catch (IOException died) {
          // Hand the input back first, so that it is never lost, then take a new worker.
          pending.add(index);
          if (deaths[index].incrementAndGet() >= DEATHS_PER_INPUT) {
            failure = new IOException("input line " + index + " killed " + DEATHS_PER_INPUT + " workers", died);
            pending.clear();
            return;
          }
          try {
            worker = replace(slot);
          } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            pending.clear();
            return;
          }
        }
      }
    }
  }

  /** One child JVM and the two ends of its pipes. */
  private static final class Worker {
    final Process process;
    private final BufferedWriter toChild;
    private final BufferedReader fromChild;

    private Worker(Process process) {
      this.process = process;
      this.toChild =
          new BufferedWriter(
              new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII));
      this.fromChild =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    static Worker start() throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder =
          new ProcessBuilder(
              java,
              "-XX:+UseSerialGC",
              "-XX:-UsePerfData",
              "-Xshare:auto",
              "-Xmx32m",
              "-cp",
              System.getProperty("java.class.path"),
              PipeWorker.class.getName());
      // A worker's stack trace, if any, goes where this JVM's errors go; stdout is the answers' pipe.
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
      return new Worker(builder.start());
    }

    /** Sends one input and waits for its answer; an IOException when the worker is gone. */
    String ask(String number) throws IOException {
      toChild.write(number);
      toChild.newLine();
      toChild.flush();
      String answer = fromChild.readLine();
      if (answer == null) {
        throw new IOException("worker " + process.pid() + " ended before it answered " + number);
      }
      if (!answer.chars().allMatch(c -> c >= '0' && c <= '9') || answer.isEmpty()) {
        throw new IOException("worker " + process.pid() + " answered \"" + answer + "\" to " + number);
      }
      return answer;
    }

    /** Closes the worker's stdin: it ends once it has answered what it has. */
    void endInput() {
      try {
        toChild.close();
      } catch (IOException alreadyGone) {
        // The pipe is broken when the worker has died: it ends all the same.
      }
    }

    /** Waits up to 2 s for the worker to end, then kills it and waits for that. */
    void awaitEnd() {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
              process.destroyForcibly();
              process.waitFor();
            }
            break;
          } catch (InterruptedException e) {
            interrupted = true;
            process.destroyForcibly();
          }
        }
      } finally {
        try {
          fromChild.close();
        } catch (IOException ignored) {
          // Nothing more to read.
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
