package dev.harbor.schemas.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** Every kind of event on a node's audit topic. */
@Serdeable
public enum AuditEventType implements Wire {
  CATALOG_VIEWED,
  CATALOG_SEARCHED,
  ENTRY_ENABLED,
  ENTRY_DISABLED,
  SETUP_REQUESTED,
  SETUP_APPROVED,
  SETUP_DENIED,
  SETUP_STARTED,
  SECRET_LINKED,
  SECRET_MISSING,
  LAUNCH_SUCCEEDED,
  LAUNCH_FAILED,
  STATUS_CHANGED,
  REMOVE_REQUESTED,
  REMOVE_SUCCEEDED,
  REMOVE_FAILED,
  TOKEN_CREATED,
  TOKEN_REVOKED,
  POLICY_CHANGED,
  INSTANCE_RESTART_REQUESTED,
  TRANSITION_REFUSED,
  CONTAINER_DRIFTED,
  FOREIGN_CONTAINER_FOUND;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static AuditEventType of(String value) {
    return Wire.parse(AuditEventType.class, value);
  }
}
