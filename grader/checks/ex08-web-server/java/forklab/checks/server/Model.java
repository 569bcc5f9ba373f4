package forklab.checks.server;

import forklab.server.Server;
import forklab.server.Servers;
import java.util.function.IntFunction;

/** The two servers of the exercise, by the name students know them by. */
enum Model {
  THREADED("threaded", Servers::threaded),
  PROCESS_PER_REQUEST("processPerRequest", Servers::processPerRequest);

  private final String method;
  private final IntFunction<Server> factory;

  Model(String method, IntFunction<Server> factory) {
    this.method = method;
    this.factory = factory;
  }

  /** Starts this model's server on any free port. */
  Server start() {
    return start(0);
  }

  Server start(int port) {
    return factory.apply(port);
  }

  /** {@code Servers.threaded}, as a student reads it. */
  @Override
  public String toString() {
    return "Servers." + method;
  }
}
