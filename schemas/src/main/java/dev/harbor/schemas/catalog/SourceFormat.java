package dev.harbor.schemas.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** The source a catalog entry was imported from. */
@Serdeable
public enum SourceFormat implements Wire {
  DOCKER_MCP_REGISTRY,
  OFFICIAL_REGISTRY;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static SourceFormat of(String value) {
    return Wire.parse(SourceFormat.class, value);
  }
}
