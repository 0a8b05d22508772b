package dev.harbor.node.instance;

import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client configuration of a running instance: the {@code mcpServers} JSON that Claude Desktop,
 * Cursor and VS Code read. HTTP servers get their 127.0.0.1 URL; stdio servers a {@code docker exec
 * -i} command line that starts the server's own command inside the running container. The agent
 * then talks to the server directly; Harbor is not in the path.
 */
public final class ClientConfigs {

  private ClientConfigs() {}

  /** The configuration of an active or degraded instance that the launcher has described, else empty. */
  public static Optional<Map<String, Object>> of(Instance instance) {
    if (instance.status() != InstanceStatus.ACTIVE && instance.status() != InstanceStatus.DEGRADED) {
      return Optional.empty();
    }
    Map<String, String> info = instance.connectionInfo();
    Map<String, Object> server = new LinkedHashMap<>();
    if (info.containsKey("url")) {
      server.put("type", "http");
      server.put("url", info.get("url"));
    } else if (info.containsKey("stdioCommand")) {
      List<String> command = command(info.get("stdioCommand"));
      if (command.isEmpty()) {
        return Optional.empty();
      }
      server.put("type", "stdio");
      server.put("command", command.get(0));
      server.put("args", command.subList(1, command.size()));
    } else {
      return Optional.empty();
    }
    return Optional.of(Map.of("mcpServers", Map.of(serverName(instance), server)));
  }

  /** The key the server gets under {@code mcpServers}: the entry's slug, safe for every client. */
  static String serverName(Instance instance) {
    String name = instance.slug().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
        .replaceAll("^-+|-+$", "");
    return name.isEmpty() ? instance.id() : name;
  }

  private static List<String> command(String json) {
    try {
      return ObjectMapper.getDefault().readValue(json, Argument.listOf(String.class));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
