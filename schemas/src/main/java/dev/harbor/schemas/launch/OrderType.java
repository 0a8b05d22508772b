package dev.harbor.schemas.launch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** What the launcher is ordered to do with an instance's container. */
@Serdeable
public enum OrderType implements Wire {
  LAUNCH,
  REMOVE,
  RESTART;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static OrderType of(String value) {
    return Wire.parse(OrderType.class, value);
  }
}
