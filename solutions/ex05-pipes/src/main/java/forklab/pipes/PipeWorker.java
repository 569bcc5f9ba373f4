package forklab.pipes;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The program every child JVM of a {@link ProcessPool} runs: it reads one decimal number n per line
 * from its stdin, and for each one writes one line to its stdout, the count of primes below n. It
 * ends when its stdin ends (the pool closed the pipe).
 */
public final class PipeWorker {
  private PipeWorker() {}

  public static void main(String[] args) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      long n = Long.parseLong(line.strip());
      out.write(Long.toString(countPrimesBelow(n)));
      out.newLine();
      // The parent waits for this answer before it sends the next input: never leave it buffered.
      out.flush();
    }
  }

  /** The number of primes p with p < n, by trial division of each candidate. */
  static long countPrimesBelow(long n) {
    long count = 0;
    for (long k = 2; k < n; k++) {
      if (isPrime(k)) {
        count++;
      }
    }
    return count;
  }

  private static boolean isPrime(long k) {
    if (k < 4) {
      return k >= 2;
    }
    if (k % 2 == 0) {
      return false;
    }
    for (long d = 3; d <= k / d; d += 2) {
      if (k % d == 0) {
        return false;
      }
    }
    return true;
  }
}
