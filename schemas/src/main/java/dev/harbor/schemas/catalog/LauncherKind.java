package dev.harbor.schemas.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** How Harbor can run an entry: as a Docker container, or not at all (a hosted remote, or a package without an image). */
@Serdeable
public enum LauncherKind implements Wire {
  DOCKER,
  REMOTE,
  PACKAGE;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static LauncherKind of(String value) {
    return Wire.parse(LauncherKind.class, value);
  }
}
