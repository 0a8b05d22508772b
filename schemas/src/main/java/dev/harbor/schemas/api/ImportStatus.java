package dev.harbor.schemas.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/** What a configuration import did with one pasted server. */
@Serdeable
public enum ImportStatus implements Wire {
  /** A setup request was sent (or answered from an earlier one); the instance is named. */
  SETUP_REQUESTED,
  /** Dry run: a setup request would be sent. */
  WOULD_SET_UP,
  /** The server runs nothing the catalog knows; it is never launched. */
  NOT_IN_CATALOG,
  /** The catalog entry is disabled on this node; nothing was sent. */
  DISABLED,
  /** The catalog entry lists a server Harbor cannot launch (a remote or a package); nothing was sent. */
  NOT_LAUNCHABLE,
  /** The node's policy denied the setup. */
  DENIED,
  /** The entry refused the configuration taken from the paste; {@code detail} says why. */
  INVALID_CONFIG,
  /** The derived idempotency key already named a setup of another entry. */
  CONFLICT;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static ImportStatus of(String value) {
    return Wire.parse(ImportStatus.class, value);
  }
}
