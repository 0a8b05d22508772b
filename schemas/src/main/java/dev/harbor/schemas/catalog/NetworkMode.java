package dev.harbor.schemas.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** Network access a launched server gets. */
@Serdeable
public enum NetworkMode implements Wire {
  NONE,
  EGRESS;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static NetworkMode of(String value) {
    return Wire.parse(NetworkMode.class, value);
  }
}
