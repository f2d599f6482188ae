package dev.mediagen.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediagen.arena.TestArena;
import dev.mediagen.arena.sim.ArenaClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions, CSRF, escaping/binding of hostile prompts, and 4xx answers (never a trace) for bad requests. */
class ArenaSecurityTest {
  @TempDir static Path dir;
  static TestArena arena;
  static ArenaClient user;

  @BeforeAll
  static void start() throws Exception {
    arena = new TestArena(dir, TestArena.noControls());
    user = new ArenaClient(arena.url);
    user.signup("mallory", "password123");
    user.consent();
  }

  @AfterAll
  static void stop() {
    arena.close();
  }

  @Test
  void votingAndGeneratingNeedASession() throws Exception {
    ArenaClient anon = new ArenaClient(arena.url);
    anon.session(); // a valid pre-session CSRF token, but nobody signed in
    assertThat(anon.call("POST", "/api/vote", Map.of("pair_id", "x", "choice", "left")).status()).isEqualTo(401);
    assertThat(anon.call("POST", "/api/generate", Map.of("prompt", "a red circle")).status()).isEqualTo(401);
    assertThat(anon.call("GET", "/api/pair", null).status()).isEqualTo(401);
    assertThat(anon.call("GET", "/api/images/whatever", null).status()).isEqualTo(401);
  }

  @Test
  void stateChangingRequestsNeedTheSessionsCsrfToken() throws Exception {
    ArenaClient c = new ArenaClient(arena.url);
    c.signup("csrf-victim", "password123");
    c.consent();
    List<JsonNode> ev = c.follow(c.generate("a red circle"));
    String pairId = ev.get(ev.size() - 1).get("pair").get("pair_id").asText();
    String good = c.csrf();
    c.csrf("");
    assertThat(c.call("POST", "/api/vote", Map.of("pair_id", pairId, "choice", "left")).status()).isEqualTo(403);
    c.csrf(user.csrf()); // another session's token
    ArenaClient.Reply r = c.call("POST", "/api/vote", Map.of("pair_id", pairId, "choice", "left"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).contains("CSRF");
    long votes = arena.db.read(h -> h.createQuery("SELECT COUNT(*) FROM rankings WHERE pair_id = :p").bind("p", pairId).mapTo(Long.class).one());
    assertThat(votes).isZero();
    c.csrf(good);
    assertThat(c.call("POST", "/api/vote", Map.of("pair_id", pairId, "choice", "left")).status()).isEqualTo(200);
  }

  @Test
  void sessionCookiesAreHttpOnlyAndSameSiteStrict() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> pre = http.send(HttpRequest.newBuilder(java.net.URI.create(arena.url + "/api/session")).build(),
        HttpResponse.BodyHandlers.ofString());
    String cookie = pre.headers().firstValue("Set-Cookie").orElseThrow();
    String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(pre.body()).get("csrf").asText();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(java.net.URI.create(arena.url + "/api/signup"))
            .header("Content-Type", "application/json").header("X-CSRF-Token", token).header("Cookie", cookie.split(";")[0])
            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"cookie-check\",\"password\":\"password123\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
    String session = r.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith(Auth.SESSION_COOKIE)).findFirst().orElseThrow();
    assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    // the database holds only the hash of the cookie value
    String value = session.substring(session.indexOf('=') + 1, session.indexOf(';'));
    long plain = arena.db.read(h -> h.createQuery("SELECT COUNT(*) FROM sessions WHERE session_id = :v").bind("v", value).mapTo(Long.class).one());
    assertThat(plain).isZero();
  }

  @Test
  void hostilePromptsAreStoredVerbatimAndReturnedAsData() throws Exception {
    String xss = "<script>alert('x')</script> a red <img src=x onerror=alert(1)> circle";
    String sql = "a blue square'); DROP TABLE rankings; -- \" OR 1=1";
    for (String prompt : List.of(xss, sql)) {
      List<JsonNode> ev = user.follow(user.generate(prompt));
      JsonNode pair = ev.get(ev.size() - 1).get("pair");
      assertThat(pair.get("prompt").asText()).isEqualTo(prompt);
      user.vote(pair.get("pair_id").asText(), "left");
      String stored = arena.db.read(h -> h.createQuery("SELECT prompt FROM rankings WHERE pair_id = :p")
          .bind("p", pair.get("pair_id").asText()).mapTo(String.class).one());
      assertThat(stored).isEqualTo(prompt);
    }
    long tables = arena.db.read(h -> h.createQuery("SELECT COUNT(*) FROM rankings").mapTo(Long.class).one());
    assertThat(tables).isPositive(); // the table survived
    ArenaClient c = new ArenaClient(arena.url);
    c.session();
    assertThat(c.call("POST", "/api/login", Map.of("username", "' OR '1'='1", "password", "' OR '1'='1")).status()).isEqualTo(401);
  }

  @Test
  void badRequestsGetA4xxWithAMessageAndNoStackTrace() throws Exception {
    String big = "{\"prompt\":\"" + "a".repeat(100_000) + "\"}";
    List<Object[]> cases = List.of(
        new Object[] {"POST", "/api/generate", big, "application/json", 413},
        new Object[] {"POST", "/api/generate", "{\"prompt\": ", "application/json", 400},
        new Object[] {"POST", "/api/generate", "[1,2]", "application/json", 400},
        new Object[] {"POST", "/api/generate", "{\"prompt\": 42}", "application/json", 400},
        new Object[] {"POST", "/api/generate", "{}", "application/json", 400},
        new Object[] {"POST", "/api/generate", "{\"prompt\":\"" + "a ".repeat(200) + "\"}", "application/json", 400},
        new Object[] {"POST", "/api/generate", "{\"prompt\":\"   \"}", "application/json", 400},
        new Object[] {"POST", "/api/generate", "prompt=a+red+circle", "application/x-www-form-urlencoded", 415},
        new Object[] {"POST", "/api/vote", "{\"pair_id\":\"nope\",\"choice\":\"left\"}", "application/json", 404},
        new Object[] {"POST", "/api/vote", "{\"pair_id\":\"nope\",\"choice\":\"sideways\"}", "application/json", 400},
        new Object[] {"POST", "/api/vote", "{\"pair_id\":\"nope\",\"choice\":\"left\"}\u0000\u0000", "application/json", 400},
        new Object[] {"GET", "/api/no-such-route", null, null, 404},
        new Object[] {"GET", "/api/jobs/does-not-exist", null, null, 404});
    for (Object[] c : cases) {
      HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(arena.url + c[1]));
      if (c[0].equals("POST")) {
        b.POST(HttpRequest.BodyPublishers.ofString((String) c[2])).header("Content-Type", (String) c[3]).header("X-CSRF-Token", user.csrf());
      }
      ArenaClient.Reply r = user.send(b.build());
      assertThat(r.status()).as("%s %s", c[0], c[1]).isEqualTo((Integer) c[4]);
      assertThat(r.body()).as("JSON error body for %s", c[1]).isNotNull();
      assertThat(r.error()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
    }
  }

  @Test
  void blockedWordsAreRefusedAsWholeWordsOrPhrases() throws Exception {
    ArenaClient.Reply r = user.call("POST", "/api/generate", Map.of("prompt", "a red circle, NUDE!"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).contains("nude");
    assertThat(user.call("POST", "/api/generate", Map.of("prompt", "hate speech about a square")).status()).isEqualTo(400);
    // "skill" contains "kill" but is not the word
    List<JsonNode> ev = user.follow(user.generate("a skilled red circle"));
    assertThat(ev.get(ev.size() - 1).get("state").asText()).isEqualTo("done");
  }
}
