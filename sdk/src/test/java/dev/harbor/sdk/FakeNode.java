package dev.harbor.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in Node on a local port: canned answers per method and path (a queue, the last answer
 * repeating), every request recorded, and event streams the test writes to.
 */
final class FakeNode implements AutoCloseable {

  /** A canned answer. */
  record Reply(int status, String body, Map<String, String> headers) {
    static Reply json(int status, String body) {
      return new Reply(status, body, Map.of("Content-Type", "application/json"));
    }
  }

  /** A request as the fake node received it. */
  record Received(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  /** An event stream a test writes to; {@link #end()} closes it from the server's side. */
  static final class Feed {
    private static final String END = "\u0000end";
    private final BlockingQueue<String> chunks = new LinkedBlockingQueue<>();

    void send(String raw) {
      chunks.add(raw);
    }

    void end() {
      chunks.add(END);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
  private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  FakeNode() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  HarborClient client() {
    return HarborClient.builder().baseUri(baseUri()).token("hbr_test_secret").build();
  }

  /** Answers {@code method path} with these replies in turn, repeating the last. */
  FakeNode on(String method, String path, Reply... answers) {
    replies.put(method + " " + path, new ArrayDeque<>(List.of(answers)));
    return this;
  }

  FakeNode onJson(String method, String path, int status, String body) {
    return on(method, path, Reply.json(status, body));
  }

  /** An event stream at {@code path}: it opens with a {@code : connected} comment. */
  Feed stream(String path) {
    Feed feed = new Feed();
    feeds.put(path, feed);
    return feed;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  Received last() {
    return received.get(received.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getRawPath();
      received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
          Map.copyOf(exchange.getRequestHeaders()), body));
      Feed feed = feeds.get(path);
      if (feed != null && "GET".equals(exchange.getRequestMethod())) {
        stream(exchange, feed);
        return;
      }
      Deque<Reply> queue = replies.get(exchange.getRequestMethod() + " " + path);
      Reply reply = queue == null ? Reply.json(404, "{\"status\":404,\"error\":\"not_found\",\"message\":\"no route\"}")
          : queue.size() > 1 ? queue.poll() : queue.peek();
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  private static void stream(HttpExchange exchange, Feed feed) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    try {
      while (true) {
        String chunk = feed.chunks.poll(100, TimeUnit.MILLISECONDS);
        if (chunk == null) {
          continue;
        }
        if (Feed.END.equals(chunk)) {
          return;
        }
        out.write(chunk.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientGone) {
      // the client closed its subscription
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
