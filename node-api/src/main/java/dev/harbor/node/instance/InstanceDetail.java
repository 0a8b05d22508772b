package dev.harbor.node.instance;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.harbor.schemas.instance.Instance;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * {@code GET /v1/mcp/instances/{id}}: the instance's fields, plus {@code clientConfig}, the ready
 * {@code mcpServers} configuration, once the instance runs.
 */
@Serdeable
public record InstanceDetail(@JsonUnwrapped Instance instance, @Nullable Map<String, Object> clientConfig) {

  public static InstanceDetail of(Instance instance) {
    return new InstanceDetail(instance, ClientConfigs.of(instance).orElse(null));
  }
}
