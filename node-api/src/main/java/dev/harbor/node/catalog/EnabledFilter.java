package dev.harbor.node.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;

/** The node catalog's {@code state} filter: enabled entries, disabled entries, or all of them. */
public enum EnabledFilter implements Wire {
  ALL,
  ENABLED,
  DISABLED;

  boolean accepts(boolean enabled) {
    return switch (this) {
      case ALL -> true;
      case ENABLED -> enabled;
      case DISABLED -> !enabled;
    };
  }

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static EnabledFilter of(String value) {
    return Wire.parse(EnabledFilter.class, value);
  }
}
