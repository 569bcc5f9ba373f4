package forklab.checks.pipes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The grader's own prime counting: the checks never trust the submission's answers. */
final class GraderPrimes {
  private GraderPrimes() {}

  /** The number of primes below {@code n}, by trial division, on the calling thread. */
  static long countBelow(long n) {
    long count = 0;
    for (long k = 2; k < n; k++) {
      if (isPrime(k)) {
        count++;
      }
    }
    return count;
  }

  static boolean isPrime(long k) {
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

  /** The answers a pool must give for {@code inputs} (valid lines), in order. */
  static List<String> answers(List<String> inputs) {
    List<String> answers = new ArrayList<>(inputs.size());
    for (String input : inputs) {
      answers.add(Long.toString(countBelow(Long.parseLong(input.strip()))));
    }
    return answers;
  }

  /** A whole number with thousands separators, as students read it: 1,280,000. */
  static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
