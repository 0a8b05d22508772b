package dev.harbor.schemas.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** What a command asks the node's policy stream to do. NOTICE only records an audit event (catalog reads, token changes). */
@Serdeable
public enum CommandType implements Wire {
  SETUP,
  REMOVE,
  RESTART,
  APPROVE,
  DENY,
  ENABLE,
  DISABLE,
  NOTICE;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static CommandType of(String value) {
    return Wire.parse(CommandType.class, value);
  }
}
