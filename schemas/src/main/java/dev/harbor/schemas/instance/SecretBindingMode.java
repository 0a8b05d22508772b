package dev.harbor.schemas.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** How an instance's secrets reach it: none needed, supplied by an operator, or linked from a Port. */
@Serdeable
public enum SecretBindingMode implements Wire {
  NONE,
  MANUAL,
  PORT_LINKED;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static SecretBindingMode of(String value) {
    return Wire.parse(SecretBindingMode.class, value);
  }
}
