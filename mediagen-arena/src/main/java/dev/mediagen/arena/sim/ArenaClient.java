package dev.mediagen.arena.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One user's HTTP session with an arena server: cookies, the CSRF token, and the API calls the page
 * makes (sign-up, consent, generate + follow the SSE stream, vote). Used by the synthetic voters, the
 * load driver and the tests.
 */
public final class ArenaClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** An HTTP answer: status and parsed JSON body (null when not JSON). */
  public record Reply(int status, JsonNode body) {
    /** The body's "error" text, or "". */
    public String error() {
      return body != null && body.has("error") ? body.get("error").asText() : "";
    }
  }

  /** A non-2xx answer where success was required. */
  public static final class Failed extends IOException {
    public final Reply reply;

    Failed(String what, Reply reply) {
      super("%s: HTTP %d %s".formatted(what, reply.status(), reply.error()));
      this.reply = reply;
    }
  }

  private final URI base;
  private final HttpClient http;
  private String csrf = "";

  public ArenaClient(String baseUrl) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  public String csrf() {
    return csrf;
  }

  /** Overrides the CSRF token sent (tests of the CSRF check). */
  public void csrf(String token) {
    csrf = token;
  }

  /** Any request; a POST sends {@code json} with the CSRF header. */
  public Reply call(String method, String path, Object json) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
        .timeout(Duration.ofSeconds(60));
    if (method.equals("GET")) {
      b.GET();
    } else {
      String body = json instanceof String s ? s : MAPPER.writeValueAsString(json == null ? Map.of() : json);
      b.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").header("X-CSRF-Token", csrf);
    }
    return send(b.build());
  }

  /** Sends a prepared request (tests: odd headers and bodies). */
  public Reply send(HttpRequest request) throws IOException {
    try {
      HttpResponse<byte[]> r;
      try {
        r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (!closedBeforeAnswer(e)) throw e;
        // The pooled connection had been closed by the server (Jetty closes it after refusing an unread body,
        // e.g. a 413, and after its idle timeout) before our request reached it: nothing was processed, so
        // one retry on a fresh connection is safe even for a POST. The JDK retries only idempotent methods.
        r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      }
      JsonNode body = null;
      String type = r.headers().firstValue("Content-Type").orElse("");
      if (type.contains("json") && r.body().length > 0) body = MAPPER.readTree(r.body());
      return new Reply(r.statusCode(), body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The JDK client's error for a connection that closed before the first byte of an answer. */
  static boolean closedBeforeAnswer(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("header parser received no bytes");
  }

  public URI base() {
    return base;
  }

  private JsonNode ok(String what, Reply r) throws Failed {
    if (r.status() / 100 != 2) throw new Failed(what, r);
    if (r.body() != null && r.body().has("csrf")) csrf = r.body().get("csrf").asText();
    return r.body();
  }

  /** GET /api/session (also picks up the CSRF token). */
  public JsonNode session() throws IOException {
    return ok("session", call("GET", "/api/session", null));
  }

  public JsonNode signup(String user, String password) throws IOException {
    if (csrf.isEmpty()) session();
    return ok("signup", call("POST", "/api/signup", Map.of("username", user, "password", password)));
  }

  public JsonNode login(String user, String password) throws IOException {
    if (csrf.isEmpty()) session();
    return ok("login", call("POST", "/api/login", Map.of("username", user, "password", password)));
  }

  public JsonNode consent() throws IOException {
    return ok("consent", call("POST", "/api/consent", null));
  }

  /** Queues a generation; returns the job id. */
  public String generate(String prompt) throws IOException {
    return ok("generate", call("POST", "/api/generate", Map.of("prompt", prompt))).get("job_id").asText();
  }

  /** Follows the job's SSE stream to its end; returns every status event in order (the last is terminal). */
  public java.util.List<JsonNode> follow(String jobId) throws IOException {
    HttpRequest req = HttpRequest.newBuilder(base.resolve("api/jobs/" + jobId + "/events")).timeout(Duration.ofMinutes(10))
        .header("Accept", "text/event-stream").GET().build();
    java.util.List<JsonNode> events = new java.util.ArrayList<>();
    try {
      HttpResponse<Stream<String>> r = http.send(req, HttpResponse.BodyHandlers.ofLines());
      if (r.statusCode() != 200) throw new IOException("events of job %s: HTTP %d".formatted(jobId, r.statusCode()));
      try (Stream<String> lines = r.body()) {
        String event = "";
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
          String line = it.next();
          if (line.startsWith("event:")) event = line.substring(6).strip();
          else if (line.startsWith("data:")) {
            JsonNode d = MAPPER.readTree(line.substring(5).strip());
            if (event.equals("error")) throw new IOException("events of job %s: %s".formatted(jobId, d.path("error").asText()));
            events.add(d);
            String state = d.path("state").asText();
            if (state.equals("done") || state.equals("failed")) return events;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    throw new IOException("the event stream of job %s ended before the job did".formatted(jobId));
  }

  /** The pair to judge now, or null. */
  public JsonNode pair() throws IOException {
    JsonNode p = ok("pair", call("GET", "/api/pair", null)).get("pair");
    return p == null || p.isNull() ? null : p;
  }

  /** Votes left, right or tie; returns the reply body (ranking_id, duplicate, next). */
  public JsonNode vote(String pairId, String choice) throws IOException {
    return ok("vote", call("POST", "/api/vote", Map.of("pair_id", pairId, "choice", choice)));
  }

  /** The PNG bytes of an image. */
  public byte[] image(String uid) throws IOException {
    HttpRequest req = HttpRequest.newBuilder(base.resolve("api/images/" + uid)).timeout(Duration.ofSeconds(30)).GET().build();
    try {
      HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) throw new IOException("image %s: HTTP %d".formatted(uid, r.statusCode()));
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
