package dev.harbor.schemas.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** Whether an instance's launch needed a person's approval, and what became of it. */
@Serdeable
public enum ApprovalState implements Wire {
  NOT_REQUIRED,
  PENDING,
  APPROVED,
  DENIED,
  EXPIRED;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static ApprovalState of(String value) {
    return Wire.parse(ApprovalState.class, value);
  }
}
