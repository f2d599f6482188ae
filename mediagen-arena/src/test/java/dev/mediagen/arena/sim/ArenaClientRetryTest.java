package dev.mediagen.arena.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A connection the server closes before answering is retried once; a server that never answers is an error. */
class ArenaClientRetryTest {

  /** Reads one request (headers + Content-Length body) and returns its first line. */
  private static String readRequest(Socket s) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
    String first = in.readLine();
    int length = 0;
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
    }
    for (int i = 0; i < length; i++) in.read();
    return first;
  }

  /** Serves {@code closes} connections by closing them unanswered, then answers each later one with JSON. */
  private static Thread serve(ServerSocket server, int closes, List<String> seen) {
    Thread t = new Thread(() -> {
      try {
        for (int i = 0; ; i++) {
          try (Socket s = server.accept()) {
            seen.add(readRequest(s));
            if (i < closes) continue;
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
          }
        }
      } catch (Exception closed) {
        // the test closed the server socket
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void aPostOnAConnectionClosedBeforeAnyAnswerIsRetriedOnce() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
      serve(server, 1, seen);
      ArenaClient c = new ArenaClient("http://127.0.0.1:" + server.getLocalPort());
      ArenaClient.Reply r = c.call("POST", "/api/vote", Map.of("pair_id", "p", "choice", "left"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body().get("ok").asBoolean()).isTrue();
      assertThat(seen).containsExactly("POST /api/vote HTTP/1.1", "POST /api/vote HTTP/1.1");
    }
  }

  @Test
  void aServerThatNeverAnswersIsAnErrorAfterOneRetry() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
      serve(server, Integer.MAX_VALUE, seen);
      ArenaClient c = new ArenaClient("http://127.0.0.1:" + server.getLocalPort());
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.call("POST", "/api/vote", Map.of("choice", "left")))
          .isInstanceOf(java.io.IOException.class);
      assertThat(seen).hasSize(2);
    }
  }
}
