package dev.harbor.app;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A small HTTP client for tests: JSON in and out, an optional bearer token. */
final class Api {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String base;
  private final String token;

  Api(String base, String token) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.token = token;
  }

  Api as(String otherToken) {
    return new Api(base, otherToken);
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  Reply put(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a GET with a Host header of our choosing (the JDK client does not allow setting it). */
  int statusWithHost(String path, String host) throws IOException {
    URI uri = URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }

  /** A response: status, body and headers, with JSON helpers. */
  record Reply(int status, String body, Map<String, List<String>> headers) {

    Map<String, Object> json() {
      try {
        return ObjectMapper.getDefault().readValue(body, Argument.mapOf(String.class, Object.class));
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items() {
      Object items = json().get("items");
      return items == null ? List.of() : (List<Map<String, Object>>) items;
    }

    long total() {
      return ((Number) json().get("total")).longValue();
    }
  }
}
