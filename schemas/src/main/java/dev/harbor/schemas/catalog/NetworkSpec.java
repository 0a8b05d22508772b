package dev.harbor.schemas.catalog;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Network needs: none at all, or egress, with the hosts the source registry says the server talks to. */
@Serdeable
public record NetworkSpec(NetworkMode mode, List<String> allowHosts) {
  public NetworkSpec {
    if (mode == null) {
      mode = NetworkMode.EGRESS;
    }
    allowHosts = allowHosts == null ? List.of() : List.copyOf(allowHosts);
  }
}
