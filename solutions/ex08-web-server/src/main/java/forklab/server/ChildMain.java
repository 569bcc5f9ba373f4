package forklab.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The program of a child of {@link Servers#processPerRequest}: it reads one request line, {@code
 * <method> <raw uri>}, from its standard input, answers it with {@link Routes}, writes the status
 * on the first line of its standard output and the body after it, and ends. A child started in
 * advance waits for its request; one whose input ends without a request ends quietly.
 *
 * <p>{@code GET /crash} throws out of {@code main}: the child ends with exit code 1 and the server
 * answers 500.
 */
public final class ChildMain {
  private ChildMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null) {
      return; // the server closed without giving this child a request
    }
    int space = line.indexOf(' ');
    Response response =
        Routes.answer(line.substring(0, space), URI.create(line.substring(space + 1)));
    System.out.print(response.status() + "\n" + response.body());
    System.out.flush();
  }
}
