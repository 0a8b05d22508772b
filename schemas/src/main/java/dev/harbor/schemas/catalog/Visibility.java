package dev.harbor.schemas.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** Who may see an entry in catalog listings. */
@Serdeable
public enum Visibility implements Wire {
  PUBLIC,
  UNLISTED;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static Visibility of(String value) {
    return Wire.parse(Visibility.class, value);
  }
}
