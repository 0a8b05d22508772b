package dev.harbor.schemas.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** What a policy rule decides. */
@Serdeable
public enum PolicyEffect implements Wire {
  ALLOW,
  DENY,
  REQUIRE_APPROVAL;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static PolicyEffect of(String value) {
    return Wire.parse(PolicyEffect.class, value);
  }
}
