package dev.harbor.schemas.node;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** The kind of caller a token belongs to; {@code SYSTEM} is the node itself (an approval expiring, a container exiting). */
@Serdeable
public enum CallerKind implements Wire {
  OPERATOR,
  AGENT,
  SCRIPT,
  SYSTEM;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static CallerKind of(String value) {
    return Wire.parse(CallerKind.class, value);
  }
}
