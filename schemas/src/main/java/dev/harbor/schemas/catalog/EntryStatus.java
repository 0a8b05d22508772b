package dev.harbor.schemas.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** Catalog lifecycle of an entry, as published by the Hub. */
@Serdeable
public enum EntryStatus implements Wire {
  AVAILABLE,
  DEPRECATED,
  HIDDEN;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static EntryStatus of(String value) {
    return Wire.parse(EntryStatus.class, value);
  }
}
