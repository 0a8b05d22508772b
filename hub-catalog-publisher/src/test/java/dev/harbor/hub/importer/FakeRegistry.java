package dev.harbor.hub.importer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for an official MCP registry: serves a listing file as {@code GET /v0/servers}
 * with {@code limit}/{@code cursor} paging and {@code updated_since} filtering, and {@code GET
 * /v0/servers/{name}/versions}. Pages can be made to fail, return garbage, or never answer.
 */
final class FakeRegistry implements AutoCloseable {

  private static final Pattern VERSIONS = Pattern.compile("/v0/servers/([^/]+)/versions");

  private final List<JsonNode> items;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<URI> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int failingPage = -1;
  private volatile int failingStatus;
  private volatile int garbledPage = -1;
  private volatile boolean stalled;

  private FakeRegistry(List<JsonNode> items) throws IOException {
    this.items = items;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static FakeRegistry serving(Path listing) throws IOException {
    return new FakeRegistry(OfficialListing.read(listing).items());
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<URI> requests() {
    return List.copyOf(requests);
  }

  /** Answers the listing page with this index (0 is the first) with an HTTP error. */
  void failPage(int page, int status) {
    failingPage = page;
    failingStatus = status;
  }

  /** Answers the listing page with this index with a body that is not JSON. */
  void garblePage(int page) {
    garbledPage = page;
  }

  /** Holds every request until the registry is closed. */
  void stall() {
    stalled = true;
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.add(exchange.getRequestURI());
      if (stalled) {
        release.await();
      }
      String path = exchange.getRequestURI().getRawPath();
      Matcher versions = VERSIONS.matcher(path);
      if (path.equals("/v0/servers")) {
        list(exchange, query(exchange.getRequestURI().getRawQuery()));
      } else if (versions.matches()) {
        versions(exchange, URLDecoder.decode(versions.group(1), StandardCharsets.UTF_8));
      } else {
        send(exchange, 404, "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
    int limit = Integer.parseInt(query.getOrDefault("limit", "30"));
    int offset = query.containsKey("cursor") ? decodeCursor(query.get("cursor")) : 0;
    int page = offset / limit;
    if (page == failingPage) {
      send(exchange, failingStatus, "{\"error\":\"boom\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (page == garbledPage) {
      send(exchange, 200, "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
      return;
    }
    List<JsonNode> matching = items;
    if (query.containsKey("updated_since")) {
      Instant since = Instant.parse(query.get("updated_since"));
      matching =
          items.stream().filter(item -> OfficialListing.updatedAt(item).isAfter(since)).toList();
    }
    List<JsonNode> slice =
        matching.subList(
            Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
    Map<String, JsonNode> metadata = new LinkedHashMap<>();
    metadata.put("count", JsonNode.createNumberNode(slice.size()));
    if (offset + limit < matching.size()) {
      metadata.put("nextCursor", JsonNode.createStringNode(encodeCursor(offset + limit)));
    }
    sendListing(exchange, slice, metadata);
  }

  private void versions(HttpExchange exchange, String name) throws IOException {
    List<JsonNode> versions =
        items.stream()
            .filter(item -> OfficialListing.name(item).equals(name))
            .sorted(Comparator.comparing(OfficialListing::publishedAt).reversed())
            .toList();
    if (versions.isEmpty()) {
      send(exchange, 404, "{\"error\":\"Server not found\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    sendListing(exchange, versions, Map.of("count", JsonNode.createNumberNode(versions.size())));
  }

  private static void sendListing(
      HttpExchange exchange, List<JsonNode> servers, Map<String, JsonNode> metadata)
      throws IOException {
    Map<String, JsonNode> body = new LinkedHashMap<>();
    body.put("servers", JsonNode.createArrayNode(new ArrayList<>(servers)));
    body.put("metadata", JsonNode.createObjectNode(metadata));
    send(
        exchange,
        200,
        ObjectMapper.getDefault().writeValueAsBytes(JsonNode.createObjectNode(body)));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        query.put(
            key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static String encodeCursor(int offset) {
    return Base64.getUrlEncoder()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decodeCursor(String cursor) {
    String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    return Integer.parseInt(decoded.substring("offset:".length()));
  }
}
