package dev.harbor.launcher.probe;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON-RPC answers a fake MCP server gives, as JSON text. */
final class McpMessages {

  private McpMessages() {
  }

  static String initializeResult(long id) {
    return result(id, Map.of(
        "protocolVersion", "2025-06-18",
        "capabilities", Map.of("tools", Map.of("listChanged", true)),
        "serverInfo", Map.of("name", "fake-server", "version", "1.2.3")));
  }

  static String toolsResult(long id, List<String> names, String nextCursor) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tools", names.stream()
        .map(name -> Map.of("name", name, "inputSchema", Map.of("type", "object")))
        .toList());
    if (nextCursor != null) {
      result.put("nextCursor", nextCursor);
    }
    return result(id, result);
  }

  static String error(Object id, int code, String message) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("jsonrpc", "2.0");
    answer.put("id", id);
    answer.put("error", Map.of("code", code, "message", message));
    return write(answer);
  }

  static String notification(String method) {
    return write(Map.of("jsonrpc", "2.0", "method", method));
  }

  static String serverRequest(long id, String method) {
    return write(Map.of("jsonrpc", "2.0", "id", id, "method", method));
  }

  static String result(long id, Map<String, Object> result) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("jsonrpc", "2.0");
    answer.put("id", id);
    answer.put("result", result);
    return write(answer);
  }

  private static String write(Map<String, Object> message) {
    try {
      return ObjectMapper.getDefault().writeValueAsString(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
