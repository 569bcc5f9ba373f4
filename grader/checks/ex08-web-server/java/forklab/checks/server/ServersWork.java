package forklab.checks.server;

import forklab.api.Gate;
import forklab.server.Server;
import java.time.Duration;

/** The gate of the timed goals: both servers already answer a small request right. */
final class ServersWork implements Gate {
  @Override
  public String method() {
    return "Servers.threaded and Servers.processPerRequest";
  }

  @Override
  public void check() throws Exception {
    for (Model model : Model.values()) {
      try (Server server = model.start();
          Http http = new Http(server.port(), Duration.ofSeconds(30))) {
        Http.Reply reply = http.get("/work?n=100");
        if (reply.status() != 200 || !reply.body().strip().equals("25")) {
          throw new AssertionError(
              model + ": GET /work?n=100 gave " + reply.describe() + " instead of 200 \"25\"");
        }
      }
    }
  }
}
