package dev.harbor.launcher.probe;

import java.net.http.HttpResponse.ResponseInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Reads the body of one MCP streamable-HTTP reply line by line, in either form the transport
 * allows: a single JSON body ({@code application/json}) or an event stream
 * ({@code text/event-stream}) whose events carry JSON-RPC messages. It completes its reply as soon
 * as the answer to the expected request id is seen, and then stops reading, so a server that keeps
 * the event stream open after answering does not hold the probe.
 */
final class HttpAnswerCollector implements Flow.Subscriber<String> {

  /** A reply: status, headers the probe needs, and the JSON-RPC answer found in the body, if any. */
  record HttpReply(int status, String contentType, Optional<String> sessionId,
      Optional<Map<String, Object>> message) {
  }

  private static final int MAX_BODY_CHARS = 16 * 1024 * 1024;

  private final long expectedId;
  private final int status;
  private final String contentType;
  private final Optional<String> sessionId;
  private final boolean eventStream;
  private final CompletableFuture<HttpReply> reply;
  private final SseEventParser events = new SseEventParser();
  private final StringBuilder body = new StringBuilder();
  private Map<String, Object> unaddressedError;
  private Flow.Subscription subscription;

  /**
   * @param expectedId the id of the request this reply answers; negative for a notification
   */
  HttpAnswerCollector(ResponseInfo info, long expectedId, CompletableFuture<HttpReply> reply) {
    this.expectedId = expectedId;
    this.status = info.statusCode();
    this.contentType = info.headers().firstValue("Content-Type").orElse("");
    this.sessionId = info.headers().firstValue("Mcp-Session-Id").filter(s -> !s.isBlank());
    this.eventStream = contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    this.reply = reply;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    if (reply.isDone()) {
      return;
    }
    if (eventStream) {
      events.accept(line).ifPresent(this::consider);
    } else if (body.length() + line.length() > MAX_BODY_CHARS) {
      finish();
    } else {
      body.append(line).append('\n');
    }
  }

  @Override
  public void onError(Throwable failure) {
    reply.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    if (eventStream) {
      events.finish().ifPresent(this::consider);
    } else {
      JsonRpc.parse(body.toString()).ifPresent(json -> {
        if (json instanceof List<?> batch) {
          batch.forEach(item -> JsonRpc.asMap(item).ifPresent(this::consider));
        } else {
          JsonRpc.asMap(json).ifPresent(this::consider);
        }
      });
    }
    finish();
  }

  private void consider(String data) {
    JsonRpc.parseObject(data).ifPresent(this::consider);
  }

  private void consider(Map<String, Object> message) {
    if (reply.isDone()) {
      return;
    }
    if (expectedId >= 0 && JsonRpc.answers(message, expectedId)) {
      reply.complete(new HttpReply(status, contentType, sessionId, Optional.of(message)));
      subscription.cancel();
    } else if (JsonRpc.isUnaddressedError(message) && unaddressedError == null) {
      unaddressedError = message;
    }
  }

  private void finish() {
    reply.complete(new HttpReply(status, contentType, sessionId, Optional.ofNullable(unaddressedError)));
    subscription.cancel();
  }
}
