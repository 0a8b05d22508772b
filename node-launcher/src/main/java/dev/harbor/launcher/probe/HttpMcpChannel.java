package dev.harbor.launcher.probe;

import dev.harbor.launcher.probe.HttpAnswerCollector.HttpReply;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * MCP over streamable HTTP: every message is a POST to the endpoint, answered with a JSON body or
 * an event stream. The session id the server gives on initialize, and the agreed protocol version,
 * go with every later request; closing the channel ends the session with a DELETE (best effort).
 *
 * <p>Initialize doubles as the readiness check. A published Docker port accepts connections before
 * the server inside listens, so refused or dropped connections, replies without any answer and
 * 5xx statuses are retried with a short backoff until the deadline; anything else that is not an
 * MCP answer fails at once.
 */
final class HttpMcpChannel implements McpChannel, AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
  private static final Duration MAX_BACKOFF = Duration.ofMillis(100);
  private static final Duration DELETE_TIMEOUT = Duration.ofSeconds(1);
  private static final String NO_ANSWER = "the server accepted the connection but sent no answer";

  private final URI endpoint;
  private final Deadline deadline;
  private final HttpClient client;
  private String sessionId;
  private String protocolVersion;

  HttpMcpChannel(URI endpoint, Deadline deadline) {
    this.endpoint = endpoint;
    this.deadline = deadline;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(deadline.remainingAtMost(CONNECT_TIMEOUT))
        .build();
  }

  @Override
  public Map<String, Object> request(long id, String method, Map<String, Object> params) throws McpProbeException {
    String body = JsonRpc.request(id, method, params);
    if (method.equals("initialize")) {
      return initialize(body, id);
    }
    HttpReply reply = once(method, body, id);
    if (reply.status() >= 500) {
      throw new McpProbeException("MCP " + method + " " + where() + " got HTTP " + reply.status());
    }
    return answerOf(method, reply);
  }

  @Override
  public void notify(String method) throws McpProbeException {
    HttpReply reply = once(method, JsonRpc.notification(method), -1);
    if (reply.status() / 100 != 2) {
      throw new McpProbeException("MCP " + method + " " + where() + " got " + describeStatus(reply));
    }
  }

  @Override
  public void initialized(String protocolVersion) {
    this.protocolVersion = protocolVersion;
  }

  @Override
  public String where() {
    return "over HTTP at " + endpoint;
  }

  /** Ends the MCP session, if the server opened one, and releases the HTTP client. */
  @Override
  public void close() {
    try {
      if (sessionId != null) {
        endSession();
      }
    } finally {
      client.shutdownNow();
    }
  }

  private Map<String, Object> initialize(String body, long id) throws McpProbeException {
    Duration backoff = FIRST_BACKOFF;
    String lastReason = null;
    while (true) {
      try {
        HttpReply reply = exchange(body, id);
        if (reply.status() < 500) {
          Map<String, Object> answer = answerOf("initialize", reply);
          sessionId = reply.sessionId().orElse(null);
          return answer;
        }
        lastReason = describeStatus(reply);
      } catch (Unanswered unanswered) {
        // An attempt the deadline cut short says less than the attempts before it.
        if (lastReason == null || !(unanswered.timedOut && deadline.expired())) {
          lastReason = unanswered.reason;
        }
      }
      if (deadline.expired()) {
        throw new McpProbeException("MCP initialize " + where() + " did not answer within "
            + deadline.describeBudget() + ": " + lastReason);
      }
      pause(deadline.remainingAtMost(backoff));
      Duration doubled = backoff.multipliedBy(2);
      backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }
  }

  private HttpReply once(String method, String body, long id) throws McpProbeException {
    try {
      return exchange(body, id);
    } catch (Unanswered unanswered) {
      if (deadline.expired()) {
        throw new McpProbeException("MCP " + method + " " + where() + " did not answer within "
            + deadline.describeBudget() + ": " + unanswered.reason);
      }
      throw new McpProbeException("MCP " + method + " " + where() + " failed: " + unanswered.reason);
    }
  }

  private Map<String, Object> answerOf(String method, HttpReply reply) throws McpProbeException {
    if (reply.message().isPresent() && (reply.status() / 100 == 2 || reply.message().get().containsKey("error"))) {
      return reply.message().get();
    }
    String type = reply.contentType().isBlank() ? "no content type" : reply.contentType();
    if (reply.status() / 100 == 2) {
      throw new McpProbeException("MCP " + method + " " + where() + " got HTTP " + reply.status() + " ("
          + type + ") without a JSON-RPC answer: not an MCP endpoint");
    }
    throw new McpProbeException("MCP " + method + " " + where() + " got HTTP " + reply.status() + " ("
        + type + "): not an MCP endpoint");
  }

  private HttpReply exchange(String body, long id) throws Unanswered, McpProbeException {
    Duration timeout = deadline.remainingAtMost(ATTEMPT_TIMEOUT);
    HttpRequest request = session(HttpRequest.newBuilder(endpoint))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    CompletableFuture<HttpReply> reply = new CompletableFuture<>();
    CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request, info ->
        BodySubscribers.fromLineSubscriber(new HttpAnswerCollector(info, id, reply), s -> null,
            StandardCharsets.UTF_8, null));
    exchange.whenComplete((response, failure) -> {
      if (failure != null) {
        reply.completeExceptionally(failure);
      }
    });
    try {
      return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new Unanswered(NO_ANSWER, true);
    } catch (ExecutionException e) {
      throw new Unanswered(reason(e.getCause()), timedOut(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpProbeException("MCP probe " + where() + " was interrupted", e);
    } finally {
      exchange.cancel(true);
    }
  }

  private HttpRequest.Builder session(HttpRequest.Builder builder) {
    if (sessionId != null) {
      builder.header("Mcp-Session-Id", sessionId);
    }
    if (protocolVersion != null) {
      builder.header("MCP-Protocol-Version", protocolVersion);
    }
    return builder;
  }

  private void endSession() {
    HttpRequest delete = session(HttpRequest.newBuilder(endpoint)).timeout(DELETE_TIMEOUT).DELETE().build();
    try {
      client.send(delete, HttpResponse.BodyHandlers.discarding());
    } catch (IOException ignored) {
      // Best effort: the session ends anyway when the server stops.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** "HTTP 503", with the JSON-RPC error the body carried, if any. */
  private static String describeStatus(HttpReply reply) {
    return "HTTP " + reply.status() + reply.message().flatMap(JsonRpc::describeError)
        .map(error -> " with JSON-RPC error " + error).orElse("");
  }

  private static boolean timedOut(Throwable failure) {
    return unwrap(failure) instanceof HttpTimeoutException;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String reason(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof HttpConnectTimeoutException) {
      return "connecting timed out";
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    if (cause instanceof HttpTimeoutException) {
      return NO_ANSWER;
    }
    if (cause instanceof IOException) {
      return "the connection closed without an answer"
          + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  private void pause(Duration pause) throws McpProbeException {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpProbeException("MCP probe " + where() + " was interrupted", e);
    }
  }

  /** A request that got no reply at all: refused, dropped or unanswered in time. */
  private static final class Unanswered extends Exception {

    private static final long serialVersionUID = 1L;
    private final String reason;
    private final boolean timedOut;

    Unanswered(String reason, boolean timedOut) {
      super(reason, null, false, false);
      this.reason = reason;
      this.timedOut = timedOut;
    }
  }
}
