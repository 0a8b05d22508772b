package dev.harbor.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The SDK's one way to the Node: a request with the bearer token and the request timeout, an answer
 * checked for errors. Every status from 300 up becomes a {@link HarborException}; a Node that cannot
 * be reached an {@link UncheckedIOException}.
 */
final class NodeHttp {

  private final String base;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;

  NodeHttp(URI base, String token, Duration timeout, HttpClient http) {
    String text = base.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.token = token;
    this.timeout = timeout;
    this.http = http;
  }

  NodeHttp withToken(String otherToken) {
    return new NodeHttp(URI.create(base), otherToken, timeout, http);
  }

  Duration timeout() {
    return timeout;
  }

  /** An answer that passed the error check. */
  record Answer(int status, HttpHeaders headers, byte[] body) {}

  Answer get(String path, Query query) {
    return send(request(path, query).GET());
  }

  Answer post(String path, byte[] json) {
    return send(withBody(request(path, Query.none()), "POST", json));
  }

  Answer put(String path, byte[] json) {
    return send(withBody(request(path, Query.none()), "PUT", json));
  }

  Answer delete(String path) {
    return send(request(path, Query.none()).DELETE());
  }

  /**
   * Opens a streaming GET: the answer's body is left unread for the caller, who must close it. The
   * request timeout bounds the wait for the answer's headers only.
   */
  HttpResponse<InputStream> stream(String path, String accept) {
    HttpRequest request = request(path, Query.none()).setHeader("Accept", accept).GET().build();
    HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() >= 300) {
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the Node's error answer to GET " + path, e);
      }
      throw Errors.of(response.statusCode(), response.headers(), body);
    }
    return response;
  }

  private HttpRequest.Builder request(String path, Query query) {
    return HttpRequest.newBuilder(URI.create(base + path + query.encoded()))
        .timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, byte[] json) {
    if (json == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return request.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(json));
  }

  private Answer send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    byte[] body = response.body() == null ? new byte[0] : response.body();
    if (response.statusCode() >= 300) {
      throw Errors.of(response.statusCode(), response.headers(), body);
    }
    return new Answer(response.statusCode(), response.headers(), body);
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted: " + describe(request));
      interrupted.initCause(e);
      throw new UncheckedIOException(interrupted);
    } catch (IOException e) {
      throw new UncheckedIOException(describe(request) + " failed: " + e, e);
    }
  }

  private static String describe(HttpRequest request) {
    return request.method() + " " + request.uri().getRawPath();
  }
}
