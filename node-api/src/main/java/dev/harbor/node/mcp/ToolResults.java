package dev.harbor.node.mcp;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MCP {@code tools/call} results: a JSON text content with the tool's answer, also as
 * {@code structuredContent}, or an error result ({@code isError: true}) whose text is the reason.
 */
final class ToolResults {

  private final JsonMapper json;

  ToolResults(JsonMapper json) {
    this.json = json;
  }

  /** A successful result carrying {@code value} as JSON text and as structured content. */
  Map<String, Object> success(Map<String, Object> value) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("content", List.of(text(write(value))));
    result.put("structuredContent", value);
    result.put("isError", false);
    return result;
  }

  /** A refused or failed call: the reason as text, flagged {@code isError}. */
  static Map<String, Object> error(String reason) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("content", List.of(text(reason)));
    result.put("isError", true);
    return result;
  }

  private static Map<String, Object> text(String text) {
    return Map.of("type", "text", "text", text);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
