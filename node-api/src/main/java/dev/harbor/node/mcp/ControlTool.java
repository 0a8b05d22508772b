package dev.harbor.node.mcp;

import dev.harbor.node.identity.Caller;
import java.util.Map;
import java.util.Set;

/**
 * One of Harbor's own management tools offered at {@code /mcp}. A tool answers with a JSON object
 * or throws an {@link dev.harbor.platform.http.ApiException} with the reason it refused, exactly as
 * the REST API would.
 *
 * @param name the tool's name
 * @param description what the tool does, for the agent
 * @param inputSchema the JSON Schema of its arguments
 * @param handler what it does
 */
record ControlTool(String name, String description, Map<String, Object> inputSchema, Handler handler) {

  /** Runs one call of a tool for the authenticated caller. */
  @FunctionalInterface
  interface Handler {
    Map<String, Object> call(ToolArguments arguments, Caller caller);
  }

  /** The tool as {@code tools/list} shows it. */
  Map<String, Object> describe() {
    return Map.of("name", name, "description", description, "inputSchema", inputSchema);
  }

  /** The argument names the tool's schema declares. */
  @SuppressWarnings("unchecked")
  Set<String> argumentNames() {
    return ((Map<String, Object>) inputSchema.get("properties")).keySet();
  }
}
