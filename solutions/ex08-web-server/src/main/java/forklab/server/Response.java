package forklab.server;

/**
 * What a route answers: an HTTP status and a short plain-text body.
 *
 * @param status the HTTP status code
 * @param body the body, one short line of text
 */
record Response(int status, String body) {
  static Response ok(String body) {
    return new Response(200, body);
  }

  static Response badRequest(String why) {
    return new Response(400, why);
  }

  static Response notFound(String path) {
    return new Response(404, "no such path: " + path);
  }

  static Response methodNotAllowed(String method) {
    return new Response(405, "only GET is served, not " + method);
  }

  static Response failed(String why) {
    return new Response(500, why);
  }
}
