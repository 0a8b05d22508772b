package dev.harbor.schemas.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** Where an MCP server instance is in its lifecycle (see docs/lifecycle.md for the legal transitions). */
@Serdeable
public enum InstanceStatus implements Wire {
  REQUESTED,
  PENDING_APPROVAL,
  INSTALLING,
  SECRET_MISSING,
  ACTIVE,
  DEGRADED,
  FAILED,
  REMOVING,
  REMOVED,
  DENIED;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static InstanceStatus of(String value) {
    return Wire.parse(InstanceStatus.class, value);
  }
}
