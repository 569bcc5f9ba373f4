package forklab.server;

import java.net.URI;
import java.util.BitSet;
import java.util.OptionalInt;

/**
 * The routes both servers answer, whoever runs them: a virtual thread of the server's JVM or a
 * child process. {@code GET /work?n=N} counts the primes below N, {@code GET /sleep?ms=M} sleeps M
 * ms, {@code GET /crash} fails fatally; anything else is 400, 404 or 405.
 */
final class Routes {
  static final int MAX_N = 50_000_000;
  static final int MAX_MS = 60_000;

  private Routes() {}

  /**
   * The answer to {@code method} on {@code uri}.
   *
   * @throws CrashRequested for {@code GET /crash}: the handler fails fatally, on purpose
   * @throws InterruptedException when a sleep is interrupted (the server is closing)
   */
  static Response answer(String method, URI uri) throws InterruptedException {
    String path = uri.getPath() == null ? "" : uri.getPath();
    boolean known = path.equals("/work") || path.equals("/sleep") || path.equals("/crash");
    if (!known) {
      return Response.notFound(path);
    }
    if (!method.equals("GET")) {
      return Response.methodNotAllowed(method);
    }
    return switch (path) {
      case "/work" -> {
        OptionalInt n = parameter(uri.getQuery(), "n", MAX_N);
        yield n.isEmpty()
            ? Response.badRequest("n must be a whole number from 0 to " + MAX_N)
            : Response.ok(Integer.toString(countPrimesBelow(n.getAsInt())));
      }
      case "/sleep" -> {
        OptionalInt ms = parameter(uri.getQuery(), "ms", MAX_MS);
        if (ms.isEmpty()) {
          yield Response.badRequest("ms must be a whole number from 0 to " + MAX_MS);
        }
        Thread.sleep(ms.getAsInt());
        yield Response.ok("slept");
      }
      default -> throw new CrashRequested();
    };
  }

  /** The value of {@code name} in {@code query} if it is a whole number from 0 to {@code max}. */
  static OptionalInt parameter(String query, String name, int max) {
    if (query == null) {
      return OptionalInt.empty();
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        int value = Integer.parseInt(pair.substring(equals + 1));
        return value >= 0 && value <= max ? OptionalInt.of(value) : OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  /** How many primes lie below {@code n}: a sieve of Eratosthenes over the odd numbers. */
  static int countPrimesBelow(int n) {
    if (n <= 2) {
      return 0;
    }
    // Bit i stands for the odd number 2i + 1; bit 0 (the number 1) is not a prime.
    int odds = n / 2;
    BitSet composite = new BitSet(odds);
    composite.set(0);
    for (long p = 3; p * p < n; p += 2) {
      if (!composite.get((int) (p / 2))) {
        for (long multiple = p * p; multiple < n; multiple += 2 * p) {
          composite.set((int) (multiple / 2));
        }
      }
    }
    return 1 + odds - composite.cardinality(); // 2, and every odd number not crossed out
  }

  /** What {@code GET /crash} throws: an Error, as a handler that fails fatally would. */
  static final class CrashRequested extends Error {
    private static final long serialVersionUID = 1L;

    CrashRequested() {
      super("GET /crash: the handler fails on purpose");
    }
  }
}
