package dev.harbor.launcher.probe;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON-RPC 2.0 messages as MCP uses them: building requests and notifications, reading any JSON
 * text defensively into maps and lists, and recognising the answer to a given request id.
 */
final class JsonRpc {

  private static final ObjectMapper JSON = ObjectMapper.getDefault();

  private JsonRpc() {
  }

  /** A request with a numeric {@code id}; {@code params} may be empty. */
  static String request(long id, String method, Map<String, Object> params) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("jsonrpc", "2.0");
    message.put("id", id);
    message.put("method", method);
    if (!params.isEmpty()) {
      message.put("params", params);
    }
    return write(message);
  }

  /** A notification (no id, no params). */
  static String notification(String method) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("jsonrpc", "2.0");
    message.put("method", method);
    return write(message);
  }

  /** Parses {@code text} as JSON; empty when it is not JSON at all. */
  static Optional<Object> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readValue(text, Object.class));
    } catch (IOException | RuntimeException notJson) {
      return Optional.empty();
    }
  }

  /** Parses {@code text} as one JSON object; empty when it is anything else. */
  static Optional<Map<String, Object>> parseObject(String text) {
    return parse(text).flatMap(JsonRpc::asMap);
  }

  /** True when {@code message} is the response (result or error) to request {@code id}. */
  static boolean answers(Map<String, Object> message, long id) {
    if (message.containsKey("method") || !(message.containsKey("result") || message.containsKey("error"))) {
      return false;
    }
    Object answered = message.get("id");
    if (answered instanceof Number number) {
      return number.doubleValue() == id;
    }
    return answered instanceof String text && text.equals(Long.toString(id));
  }

  /** True when {@code message} is an error response that names no request (id null or absent). */
  static boolean isUnaddressedError(Map<String, Object> message) {
    return message.containsKey("error") && !message.containsKey("method") && message.get("id") == null;
  }

  /** The error of a response as "code (message)", or empty when it has none. */
  static Optional<String> describeError(Map<String, Object> response) {
    if (!response.containsKey("error")) {
      return Optional.empty();
    }
    Map<String, Object> error = asMap(response.get("error")).orElse(Map.of());
    Object code = error.get("code");
    Object text = error.get("message");
    String described = (code == null ? "without a code" : code.toString())
        + (text instanceof String s && !s.isBlank() ? " (" + s + ")" : "");
    return Optional.of(described);
  }

  @SuppressWarnings("unchecked")
  static Optional<Map<String, Object>> asMap(Object value) {
    return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
  }

  static Optional<List<?>> asList(Object value) {
    return value instanceof List<?> list ? Optional.of(list) : Optional.empty();
  }

  static Optional<String> asString(Object value) {
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }

  private static String write(Map<String, Object> message) {
    try {
      return JSON.writeValueAsString(message);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a JSON-RPC message", e);
    }
  }
}
