package dev.harbor.sdk;

import dev.harbor.schemas.api.ClientFormat;
import io.micronaut.core.type.Argument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client configuration of a running instance, or of all a caller may see ({@link
 * HarborClient#clientConfig()}): the {@code mcpServers} map that Claude Desktop,
 * Cursor and VS Code read, keyed by server name. HTTP servers are {@code {"type": "http", "url":
 * ...}}; stdio servers {@code {"type": "stdio", "command": "docker", "args": ["exec", "-i", ...]}}.
 * An MCP client connects to the server with it directly; Harbor is not in the path.
 */
public record ClientConfig(Map<String, Map<String, Object>> mcpServers) {

  private static final ClientConfig EMPTY = new ClientConfig(Map.of());
  private static final Argument<Map<String, Map<String, Object>>> SERVERS =
      Argument.mapOf(Argument.STRING, Argument.mapOf(String.class, Object.class));

  public ClientConfig {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    mcpServers.forEach((name, server) ->
        copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(server))));
    mcpServers = Collections.unmodifiableMap(copy);
  }

  /** A configuration without servers. */
  public static ClientConfig empty() {
    return EMPTY;
  }

  /** The name of the one server this configuration holds (a Harbor instance always holds one). */
  public String serverName() {
    if (mcpServers.size() != 1) {
      throw new IllegalStateException("the configuration holds " + mcpServers.size() + " servers, not one");
    }
    return mcpServers.keySet().iterator().next();
  }

  /** The one server's settings: {@code type}, then {@code url} or {@code command} and {@code args}. */
  public Map<String, Object> server() {
    return mcpServers.get(serverName());
  }

  /** The one server's type: {@code http} or {@code stdio}. */
  public String type() {
    return String.valueOf(server().get("type"));
  }

  /** The URL of an HTTP server (streamable HTTP on 127.0.0.1). */
  public Optional<String> url() {
    return Optional.ofNullable(server().get("url")).map(String::valueOf);
  }

  /** The command line that starts a stdio server: the command followed by its arguments. */
  public Optional<List<String>> commandLine() {
    Object command = server().get("command");
    if (command == null) {
      return Optional.empty();
    }
    Object args = server().get("args");
    List<String> line = new ArrayList<>();
    line.add(String.valueOf(command));
    if (args instanceof List<?> list) {
      list.forEach(arg -> line.add(String.valueOf(arg)));
    }
    return Optional.of(List.copyOf(line));
  }

  /** The configuration as JSON, {@code {"mcpServers": {...}}}, ready to merge into a client's settings file. */
  public String toJson() {
    return toJson(ClientFormat.CLAUDE);
  }

  /** The configuration as JSON in a client's shape: {@code {"mcpServers": ...}} or VS Code's {@code {"servers": ...}}. */
  public String toJson(ClientFormat format) {
    return Json.text(Map.of(format.serversKey(), mcpServers));
  }

  static ClientConfig of(Map<String, Object> clientConfig) {
    return of(clientConfig, ClientFormat.CLAUDE);
  }

  static ClientConfig of(Map<String, Object> clientConfig, ClientFormat format) {
    Object servers = clientConfig.get(format.serversKey());
    if (servers == null) {
      return EMPTY;
    }
    return new ClientConfig(Json.convert(servers, SERVERS));
  }
}
