package dev.harbor.schemas.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** How Harbor decides that a started server is usable. */
@Serdeable
public enum HealthCheckMode implements Wire {
  MCP_INITIALIZE,
  NONE;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static HealthCheckMode of(String value) {
    return Wire.parse(HealthCheckMode.class, value);
  }
}
