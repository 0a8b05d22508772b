package dev.harbor.launcher.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable stand-in for an MCP streamable-HTTP server on 127.0.0.1: each test says how every
 * request is answered, and the server records what it received.
 */
final class FakeMcpHttpServer implements AutoCloseable {

  /** One received request: HTTP method, the headers the probe must send, and the parsed body. */
  record Received(String httpMethod, String sessionId, String protocolVersion, String accept,
      Map<String, Object> body) {

    String rpcMethod() {
      return body == null ? null : (String) body.get("method");
    }

    long id() {
      return ((Number) body.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> params() {
      return (Map<String, Object>) body.getOrDefault("params", Map.of());
    }
  }

  /** How one request is answered. */
  @FunctionalInterface
  interface Script {
    void answer(Received request, Responder respond) throws IOException;
  }

  /** The ways a scripted answer can go out. */
  final class Responder {

    private final HttpExchange exchange;

    private Responder(HttpExchange exchange) {
      this.exchange = exchange;
    }

    Responder header(String name, String value) {
      exchange.getResponseHeaders().add(name, value);
      return this;
    }

    void json(int status, String body) throws IOException {
      send(status, "application/json", body);
    }

    void send(int status, String contentType, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    void status(int status) throws IOException {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    }

    /** Sends each message as one SSE event; with {@code keepOpen} the stream then stays open. */
    void events(boolean keepOpen, String... messages) throws IOException {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      for (String message : messages) {
        out.write(("event: message\nid: e" + message.hashCode() + "\ndata: " + message + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      if (keepOpen) {
        holdUntilClosed();
      }
      out.close();
    }

    /** Never answers: holds the request until the server is closed. */
    void hang() {
      holdUntilClosed();
      exchange.close();
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  FakeMcpHttpServer(Script script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/mcp", exchange -> {
      Received request = new Received(exchange.getRequestMethod(),
          exchange.getRequestHeaders().getFirst("Mcp-Session-Id"),
          exchange.getRequestHeaders().getFirst("MCP-Protocol-Version"),
          exchange.getRequestHeaders().getFirst("Accept"),
          parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      received.add(request);
      try {
        script.answer(request, new Responder(exchange));
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  private void holdUntilClosed() {
    try {
      closing.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String body) {
    if (body.isBlank()) {
      return null;
    }
    try {
      return ObjectMapper.getDefault().readValue(body, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
