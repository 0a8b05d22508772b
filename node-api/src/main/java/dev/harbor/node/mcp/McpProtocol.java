package dev.harbor.node.mcp;

import dev.harbor.node.identity.Caller;
import dev.harbor.platform.http.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC side of the node's MCP server: reads one message, answers {@code initialize},
 * {@code ping}, {@code tools/list} and {@code tools/call}, accepts notifications and responses without
 * an answer. Malformed JSON, a message that is not a JSON-RPC request and an unknown tool are protocol
 * errors; a tool that refuses (bad argument, policy, ownership) answers an error result instead.
 *
 * <p>After initialization a client names the negotiated version in the {@code MCP-Protocol-Version}
 * header of every request: a version this server does not speak is refused with 400. The header of
 * {@code initialize} itself is not checked (the version is negotiated in its body), and a request
 * without the header is served, as the transport asks of servers for older clients.
 */
final class McpProtocol {

  /** The protocol version this server speaks, and the older ones it also accepts. */
  static final String PROTOCOL_VERSION = "2025-06-18";

  static final Set<String> SUPPORTED_VERSIONS = Set.of(PROTOCOL_VERSION, "2025-03-26");

  private static final Logger LOG = LoggerFactory.getLogger(McpProtocol.class);

  private final JsonMapper json;
  private final Map<String, ControlTool> tools;
  private final ToolResults results;
  private final String serverVersion;

  McpProtocol(JsonMapper json, List<ControlTool> tools, String serverVersion) {
    this.json = json;
    this.tools = tools.stream().collect(Collectors.toMap(ControlTool::name, Function.identity(),
        (a, b) -> a, LinkedHashMap::new));
    this.results = new ToolResults(json);
    this.serverVersion = serverVersion;
  }

  /** Answers one POSTed message for the authenticated caller, with its MCP-Protocol-Version header. */
  McpAnswer handle(@Nullable String body, Caller caller, @Nullable String protocolVersion) {
    Object message;
    try {
      message = json.readValue(body == null ? "" : body, Object.class);
    } catch (IOException | RuntimeException e) {
      return McpAnswer.badRequest(JsonRpc.error(null, JsonRpc.PARSE_ERROR, "parse error: not valid JSON"));
    }
    if (!(message instanceof Map<?, ?> map)) {
      return McpAnswer.badRequest(
          JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "invalid request: expected one JSON-RPC object"));
    }
    Object id = map.get("id");
    if (!JsonRpc.VERSION.equals(map.get("jsonrpc"))) {
      return McpAnswer.badRequest(
          JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "invalid request: jsonrpc must be \"2.0\""));
    }
    Object method = map.get("method");
    if (method == null && (map.containsKey("result") || map.containsKey("error"))) {
      return McpAnswer.accepted();
    }
    if (!(method instanceof String name) || name.isBlank()) {
      return McpAnswer.badRequest(JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "invalid request: missing method"));
    }
    if (!name.equals("initialize") && protocolVersion != null
        && !SUPPORTED_VERSIONS.contains(protocolVersion.strip())) {
      return McpAnswer.badRequest(JsonRpc.error(id instanceof String || id instanceof Number ? id : null,
          JsonRpc.INVALID_REQUEST, unsupported(protocolVersion)));
    }
    if (id == null) {
      return McpAnswer.accepted();
    }
    if (!(id instanceof String || id instanceof Number)) {
      return McpAnswer.badRequest(
          JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "invalid request: id must be a string or number"));
    }
    try {
      return McpAnswer.ok(JsonRpc.result(id, dispatch(name, params(map.get("params")), caller)));
    } catch (JsonRpc.ProtocolException e) {
      return McpAnswer.ok(JsonRpc.error(id, e.code(), e.getMessage()));
    }
  }

  private Map<String, Object> dispatch(String method, Map<String, Object> params, Caller caller) {
    return switch (method) {
      case "initialize" -> initialize(params);
      case "ping" -> Map.of();
      case "tools/list" -> Map.of("tools", tools.values().stream().map(ControlTool::describe).toList());
      case "tools/call" -> call(params, caller);
      default -> throw new JsonRpc.ProtocolException(JsonRpc.METHOD_NOT_FOUND, "method not found: " + method);
    };
  }

  private Map<String, Object> initialize(Map<String, Object> params) {
    Object requested = params.get("protocolVersion");
    String version = requested instanceof String v && SUPPORTED_VERSIONS.contains(v) ? v : PROTOCOL_VERSION;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("protocolVersion", version);
    result.put("capabilities", Map.of("tools", Map.of("listChanged", false)));
    result.put("serverInfo",
        Map.of("name", "harbor-node", "title", "Harbor node control tools", "version", serverVersion));
    result.put("instructions", "Harbor's own management tools: find an MCP server in the catalog, request its"
        + " setup, read its status and client configuration, then connect to it directly with that"
        + " configuration. Approval and enabling are for the node's operator.");
    return result;
  }

  private Map<String, Object> call(Map<String, Object> params, Caller caller) {
    if (!(params.get("name") instanceof String name)) {
      throw new JsonRpc.ProtocolException(JsonRpc.INVALID_PARAMS, "tools/call needs the tool's name");
    }
    ControlTool tool = tools.get(name);
    if (tool == null) {
      throw new JsonRpc.ProtocolException(JsonRpc.INVALID_PARAMS, "unknown tool: " + name);
    }
    Object arguments = params.get("arguments");
    if (arguments != null && !(arguments instanceof Map)) {
      return ToolResults.error("arguments must be an object");
    }
    try {
      ToolArguments read = new ToolArguments(stringKeys(arguments), tool.argumentNames());
      return results.success(tool.handler().call(read, caller));
    } catch (ApiException refused) {
      return ToolResults.error(reason(refused));
    } catch (RuntimeException e) {
      LOG.warn("tool {} failed for {} {}", name, caller.kind().wire(), caller.name(), e);
      return ToolResults.error("the tool failed: " + e.getClass().getSimpleName());
    }
  }

  private static String unsupported(String version) {
    String shown = version.length() > 40 ? version.substring(0, 40) + "..." : version;
    return "MCP-Protocol-Version: unsupported protocol version \"" + shown.replaceAll("[^\\x20-\\x7e]", "?")
        + "\"; this server speaks " + String.join(", ", SUPPORTED_VERSIONS.stream().sorted().toList());
  }

  /** The text an error result shows: the field it concerns, if any, then the reason. */
  static String reason(ApiException refused) {
    return refused.field() == null ? refused.getMessage() : refused.field() + ": " + refused.getMessage();
  }

  private static Map<String, Object> params(@Nullable Object params) {
    if (params == null) {
      return Map.of();
    }
    if (!(params instanceof Map)) {
      throw new JsonRpc.ProtocolException(JsonRpc.INVALID_PARAMS, "params must be an object");
    }
    return stringKeys(params);
  }

  private static Map<String, Object> stringKeys(@Nullable Object value) {
    Map<String, Object> copy = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    }
    return copy;
  }
}
