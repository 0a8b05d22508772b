package dev.harbor.launcher.probe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MCP client side of a readiness check, whatever the transport: {@code initialize}, the
 * {@code notifications/initialized} notification, then every page of {@code tools/list}.
 */
final class McpHandshake {

  /** The protocol version the probe asks for. */
  static final String PROTOCOL_VERSION = "2025-06-18";

  /** The most {@code tools/list} pages the probe follows before it gives up on a server. */
  static final int MAX_TOOL_PAGES = 50;

  private static final String CLIENT_NAME = "harbor-probe";
  private static final String CLIENT_VERSION = "1";

  private final McpChannel channel;
  private long nextId = 1;

  private McpHandshake(McpChannel channel) {
    this.channel = channel;
  }

  /** Runs the handshake on {@code channel} and reports what the server said. */
  static McpServerInfo perform(McpChannel channel) throws McpProbeException {
    return new McpHandshake(channel).perform();
  }

  private McpServerInfo perform() throws McpProbeException {
    Map<String, Object> init = result("initialize", initializeParams());
    String protocol = JsonRpc.asString(init.get("protocolVersion")).orElse(null);
    Map<String, Object> serverInfo = JsonRpc.asMap(init.get("serverInfo")).orElse(null);
    String name = serverInfo == null ? null : JsonRpc.asString(serverInfo.get("name")).orElse(null);
    if (protocol == null || name == null) {
      throw new McpProbeException("MCP initialize " + channel.where()
          + " got an answer without protocolVersion or serverInfo.name: not an MCP server");
    }
    String version = JsonRpc.asString(serverInfo.get("version")).orElse(null);
    channel.initialized(protocol);
    channel.notify("notifications/initialized");
    List<String> tools = offersTools(init) ? listTools() : List.of();
    return new McpServerInfo(name, version, protocol, tools);
  }

  private static Map<String, Object> initializeParams() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("protocolVersion", PROTOCOL_VERSION);
    params.put("capabilities", Map.of());
    params.put("clientInfo", Map.of("name", CLIENT_NAME, "version", CLIENT_VERSION));
    return params;
  }

  private static boolean offersTools(Map<String, Object> init) {
    return JsonRpc.asMap(init.get("capabilities")).map(c -> c.containsKey("tools")).orElse(false);
  }

  private List<String> listTools() throws McpProbeException {
    List<String> names = new ArrayList<>();
    Set<String> cursorsSeen = new HashSet<>();
    String cursor = null;
    for (int page = 1; page <= MAX_TOOL_PAGES; page++) {
      Map<String, Object> params = cursor == null ? Map.of() : Map.of("cursor", cursor);
      Map<String, Object> result = result("tools/list", params);
      for (Object tool : JsonRpc.asList(result.get("tools")).orElse(List.of())) {
        JsonRpc.asMap(tool).flatMap(t -> JsonRpc.asString(t.get("name"))).ifPresent(names::add);
      }
      cursor = JsonRpc.asString(result.get("nextCursor")).filter(c -> !c.isEmpty()).orElse(null);
      if (cursor == null) {
        return names;
      }
      if (!cursorsSeen.add(cursor)) {
        throw new McpProbeException("MCP tools/list " + channel.where()
            + " returned the same nextCursor twice: the server's paging loops");
      }
    }
    throw new McpProbeException("MCP tools/list " + channel.where() + " still had more pages after "
        + MAX_TOOL_PAGES + "; the probe gives up");
  }

  private Map<String, Object> result(String method, Map<String, Object> params) throws McpProbeException {
    Map<String, Object> response = channel.request(nextId++, method, params);
    String error = JsonRpc.describeError(response).orElse(null);
    if (error != null) {
      throw new McpProbeException("MCP " + method + " " + channel.where()
          + " was answered with JSON-RPC error " + error);
    }
    return JsonRpc.asMap(response.get("result")).orElseThrow(() -> new McpProbeException("MCP " + method
        + " " + channel.where() + " got a response whose result is not an object: not an MCP server"));
  }
}
