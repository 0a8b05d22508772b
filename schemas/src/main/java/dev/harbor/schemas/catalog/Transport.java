package dev.harbor.schemas.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** How a client talks to the server: stdio through the container, streamable HTTP, or legacy SSE. */
@Serdeable
public enum Transport implements Wire {
  STDIO,
  STREAMABLE_HTTP,
  SSE,
  MIXED,
  UNKNOWN;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static Transport of(String value) {
    return Wire.parse(Transport.class, value);
  }
}
