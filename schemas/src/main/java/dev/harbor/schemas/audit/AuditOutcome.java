package dev.harbor.schemas.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** How the action an audit event records ended. */
@Serdeable
public enum AuditOutcome implements Wire {
  SUCCEEDED,
  FAILED,
  DENIED,
  PENDING;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static AuditOutcome of(String value) {
    return Wire.parse(AuditOutcome.class, value);
  }
}
