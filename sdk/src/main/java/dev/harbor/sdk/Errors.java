package dev.harbor.sdk;

import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Turns a Node's error answer into the matching {@link HarborException}. The body is Harbor's
 * {@code {"status", "error", "message", "field"}}; an answer without such a body (a proxy's page,
 * an empty body) still becomes an exception with the status, the raw text as its message.
 */
final class Errors {

  private static final int MAX_RAW_MESSAGE = 500;

  private Errors() {}

  static HarborException of(int status, HttpHeaders headers, byte[] body) {
    String error = null;
    String field = null;
    String message = null;
    JsonNode json = parse(body);
    if (json != null && json.isObject()) {
      error = text(json, "error");
      field = text(json, "field");
      message = text(json, "message");
    } else if (body.length > 0) {
      String raw = new String(body, StandardCharsets.UTF_8).strip();
      message = raw.length() > MAX_RAW_MESSAGE ? raw.substring(0, MAX_RAW_MESSAGE) + "..." : raw;
    }
    return switch (status) {
      case 400 -> new BadRequestException(error, field, message);
      case 401 -> new UnauthorizedException(error, field, message);
      case 403 -> new ForbiddenException(error, field, message);
      case 404 -> new NotFoundException(error, field, message);
      case 409 -> new ConflictException(error, field, message);
      case 503 -> new NotReadyException(error, field, message, retryAfter(headers));
      default -> new HarborException(status, error, field, message);
    };
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0 || body[0] != '{') {
      return null;
    }
    try {
      return Json.tree(body);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static String text(JsonNode json, String name) {
    JsonNode value = json.get(name);
    return value == null || value.isNull() ? null : value.coerceStringValue();
  }

  /** {@code Retry-After} in seconds; Harbor never sends the HTTP-date form. */
  private static Duration retryAfter(HttpHeaders headers) {
    return headers.firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,9}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
  }
}
