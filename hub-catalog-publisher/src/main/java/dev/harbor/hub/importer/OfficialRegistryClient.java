package dev.harbor.hub.importer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Syncs from an MCP registry that serves the official registry API ({@code GET /v0/servers} with
 * {@code limit}, {@code cursor} and {@code updated_since}, pages chained through {@code
 * metadata.nextCursor}).
 *
 * <p>A sync either reads every page or fails: a non-2xx status, a body that is not a server
 * listing, a timeout or a cursor that repeats raises an {@link IOException} naming the URL, never a
 * partial batch. The batch origin is the base URL without a trailing slash.
 */
public final class OfficialRegistryClient {

  /** Items requested per page. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** Time allowed for one request, from sending it to having read the whole response. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_PAGES = 100_000;

  private final HttpClient http;
  private final Duration requestTimeout;
  private final int pageSize;

  /** A client with {@link #DEFAULT_REQUEST_TIMEOUT} and {@link #DEFAULT_PAGE_SIZE}. */
  public OfficialRegistryClient() {
    this(DEFAULT_REQUEST_TIMEOUT, DEFAULT_PAGE_SIZE);
  }

  /**
   * A client allowing {@code requestTimeout} per request (the connect timeout is at most 10
   * seconds) and asking for {@code pageSize} servers per page.
   */
  public OfficialRegistryClient(Duration requestTimeout, int pageSize) {
    if (requestTimeout.isNegative() || requestTimeout.isZero() || pageSize < 1) {
      throw new IllegalArgumentException("request timeout and page size must be positive");
    }
    this.requestTimeout = requestTimeout;
    this.pageSize = pageSize;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(
                requestTimeout.compareTo(CONNECT_TIMEOUT) < 0 ? requestTimeout : CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Every listed version of every server: a complete batch. */
  public ImportBatch fetchAll(URI base) throws IOException, InterruptedException {
    String root = root(base);
    List<Tree> items = pages(root + "/v0/servers", "limit=" + pageSize);
    return OfficialRegistryImporter.fromItems(root, items, true, Instant.now());
  }

  /**
   * The servers with a version updated since {@code since}: an incremental, incomplete batch. The
   * listing only returns the changed versions, so each changed server's full version list is read
   * from {@code /v0/servers/{name}/versions}; its entry then carries all known versions and the
   * right latest one, as a full sync would.
   */
  public ImportBatch fetchUpdatedSince(URI base, Instant since)
      throws IOException, InterruptedException {
    String root = root(base);
    List<Tree> changed =
        pages(
            root + "/v0/servers",
            "limit=" + pageSize + "&updated_since=" + encode(since.toString()));
    Set<String> names = new LinkedHashSet<>();
    List<Tree> items = new ArrayList<>();
    for (Tree item : changed) {
      String name = item.get("server").text("name");
      if (name == null) {
        items.add(item);
      } else {
        names.add(name);
      }
    }
    for (String name : names) {
      items.addAll(pages(root + "/v0/servers/" + encode(name) + "/versions", null));
    }
    return OfficialRegistryImporter.fromItems(root, items, false, Instant.now());
  }

  private List<Tree> pages(String path, String query) throws IOException, InterruptedException {
    List<Tree> items = new ArrayList<>();
    Set<String> seenCursors = new HashSet<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String parameters = join(query, cursor == null ? null : "cursor=" + encode(cursor));
      URI uri = URI.create(parameters == null ? path : path + "?" + parameters);
      Tree listing = get(uri);
      items.addAll(
          OfficialRegistryImporter.servers(listing)
              .orElseThrow(
                  () -> new IOException("GET " + uri + ": response has no \"servers\" array")));
      cursor = listing.get("metadata").text("nextCursor");
      if (cursor == null) {
        return items;
      }
      if (!seenCursors.add(cursor)) {
        throw new IOException(
            "GET " + uri + ": registry returned cursor " + Texts.quote(cursor) + " twice");
      }
    }
    throw new IOException("GET " + path + ": more than " + MAX_PAGES + " pages");
  }

  private Tree get(URI uri) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IOException("GET " + uri + " failed: " + e, e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new IOException("GET " + uri + " returned HTTP status " + status);
    }
    try {
      return JsonTrees.parse(response.body());
    } catch (IOException e) {
      throw new IOException(
          "GET "
              + uri
              + " returned HTTP status "
              + status
              + " with a body that is not JSON: "
              + Texts.oneLine(e.getMessage()),
          e);
    }
  }

  private static String root(URI base) {
    String root = base.toString();
    while (root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
    return root;
  }

  private static String join(String first, String second) {
    if (first == null) {
      return second;
    }
    return second == null ? first : first + "&" + second;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
