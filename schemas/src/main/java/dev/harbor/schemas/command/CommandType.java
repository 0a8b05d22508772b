package dev.harbor.schemas.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** What a command asks the node's policy stream to do. NOTICE only records an audit event (catalog reads, token changes).
 * SECRET_SUPPLIED says an operator stored a secret for an instance, naming it in {@code details.secret};
 * the value went straight to Docker and is never on a topic. */
@Serdeable
public enum CommandType implements Wire {
  SETUP,
  REMOVE,
  RESTART,
  APPROVE,
  DENY,
  ENABLE,
  DISABLE,
  SECRET_SUPPLIED,
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
