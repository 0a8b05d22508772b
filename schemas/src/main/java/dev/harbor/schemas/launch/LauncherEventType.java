package dev.harbor.schemas.launch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the launcher reports about an instance's container: running and answering MCP, running but
 * not healthy, failed (could not start, exited, killed, probe failed, drifted), gone after a remove
 * order, or waiting for secrets an operator has not supplied. {@link #FOREIGN_CONTAINER} reports a
 * container that looks like Harbor's but carries no valid ownership; the launcher leaves it alone.
 */
@Serdeable
public enum LauncherEventType implements Wire {
  STARTED,
  UNHEALTHY,
  FAILED,
  REMOVED,
  SECRETS_MISSING,
  FOREIGN_CONTAINER;

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static LauncherEventType of(String value) {
    return Wire.parse(LauncherEventType.class, value);
  }
}
