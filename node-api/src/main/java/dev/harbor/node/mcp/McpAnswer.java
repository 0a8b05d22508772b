package dev.harbor.node.mcp;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * What the endpoint sends back for one POST: a JSON-RPC response body with the HTTP status to carry
 * it, or no body at all (202) when the message was a notification or a response.
 *
 * @param status the HTTP status
 * @param body the JSON-RPC response, null for 202
 */
record McpAnswer(int status, @Nullable Map<String, Object> body) {

  static McpAnswer accepted() {
    return new McpAnswer(202, null);
  }

  static McpAnswer ok(Map<String, Object> body) {
    return new McpAnswer(200, body);
  }

  static McpAnswer badRequest(Map<String, Object> body) {
    return new McpAnswer(400, body);
  }
}
