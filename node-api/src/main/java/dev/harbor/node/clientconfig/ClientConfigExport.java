package dev.harbor.node.clientconfig;

import dev.harbor.node.identity.Caller;
import dev.harbor.node.instance.ClientConfigs;
import dev.harbor.node.instance.NodeInstances;
import dev.harbor.schemas.api.ClientFormat;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The merged client configuration of the running instances a caller may see: every instance for an
 * operator, the instances it asked for itself for an agent or a script. Built from {@link
 * ClientConfigs}, so it holds URLs and {@code docker exec} command lines, never a secret value. A
 * server name two instances share is kept by the older one; the newer gets its instance id appended.
 */
@Singleton
@Requires(env = "node")
class ClientConfigExport {

  private final NodeInstances instances;

  ClientConfigExport(NodeInstances instances) {
    this.instances = instances;
  }

  Map<String, Object> export(Caller caller, ClientFormat format) {
    Map<String, Object> servers = new LinkedHashMap<>();
    for (Instance instance : instances.inStatus(InstanceStatus.ACTIVE, InstanceStatus.DEGRADED)) {
      if (!visible(instance, caller)) {
        continue;
      }
      ClientConfigs.of(instance).ifPresent(config -> mcpServers(config).forEach((name, server) ->
          servers.put(servers.containsKey(name) ? name + "-" + instance.id() : name, server)));
    }
    return Map.of(format.serversKey(), servers);
  }

  static boolean visible(Instance instance, Caller caller) {
    return caller.kind() == CallerKind.OPERATOR
        || instance.requestedBy().kind() == caller.kind() && instance.requestedBy().name().equals(caller.name());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mcpServers(Map<String, Object> config) {
    return (Map<String, Object>) config.get(ClientFormat.CLAUDE.serversKey());
  }
}
