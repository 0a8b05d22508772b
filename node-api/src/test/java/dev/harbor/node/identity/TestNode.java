package dev.harbor.node.identity;

import dev.harbor.node.KafkaServicesOff;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A node's HTTP server on a random local port over a given home, and a client for its API. No broker:
 * audit events stay in memory and the node's eager Kafka-backed services are switched off.
 */
final class TestNode implements AutoCloseable {

  static final String NODE_ID = "default";

  private final Path home;
  private final EmbeddedServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestNode(Path home) {
    this.home = home;
    this.server = ApplicationContext.run(EmbeddedServer.class, Map.ofEntries(
        Map.entry("harbor.launcher.enabled", false),
        Map.entry("harbor.home", home.toString()),
        Map.entry("harbor.node.id", NODE_ID),
        Map.entry("micronaut.server.host", "127.0.0.1"),
        Map.entry("micronaut.server.port", -1),
        Map.entry("micronaut.server.max-request-size", "64KB"),
        Map.entry(RecordingAuditRecorder.ENABLED, true),
        Map.entry(KafkaServicesOff.POLICY_STREAM, "off"),
        Map.entry(KafkaServicesOff.AUDIT_SINK, "off"),
        Map.entry(KafkaServicesOff.NODE_POLICY, "off")), "node", "test");
  }

  static TestNode start(Path home) {
    return new TestNode(home);
  }

  Path operatorTokenFile() {
    return home.resolve("operator.token");
  }

  Path tokensFile() {
    return home.resolve("nodes").resolve(NODE_ID).resolve("tokens.json");
  }

  String operatorToken() throws IOException {
    return Files.readString(operatorTokenFile()).strip();
  }

  RecordingAuditRecorder audit() {
    return server.getApplicationContext().getBean(RecordingAuditRecorder.class);
  }

  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    return send(request(path, token).GET());
  }

  HttpResponse<String> post(String path, String token, String json)
      throws IOException, InterruptedException {
    return send(request(path, token)
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(json)));
  }

  HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
    return send(request(path, token).DELETE());
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), BodyHandlers.ofString());
  }

  HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + server.getPort() + path));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  /**
   * Sends a GET over a plain socket, so the test chooses the {@code Host} header, and returns the
   * status code.
   */
  int statusWithHost(String path, String host, String token) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
      socket.setSoTimeout(10_000);
      String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
          + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(response.split(" ", 3)[1]);
    }
  }

  @Override
  public void close() {
    http.close();
    ApplicationContext context = server.getApplicationContext();
    server.close();
    if (context.isRunning()) {
      context.close();
    }
  }
}
