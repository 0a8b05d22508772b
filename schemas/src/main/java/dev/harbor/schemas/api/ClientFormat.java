package dev.harbor.schemas.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The shape of an exported client configuration. {@code claude} is {@code {"mcpServers": {...}}}, read
 * by Claude Desktop and Cursor; {@code vscode} is {@code {"servers": {...}}} with a {@code type} on
 * every server, read by VS Code.
 */
@Serdeable
public enum ClientFormat implements Wire {
  CLAUDE("mcpServers"),
  VSCODE("servers");

  private final String serversKey;

  ClientFormat(String serversKey) {
    this.serversKey = serversKey;
  }

  /** The top-level key the servers sit under in this format. */
  public String serversKey() {
    return serversKey;
  }

  @JsonValue
  @Override
  public String wire() {
    return Wire.super.wire();
  }

  @JsonCreator
  public static ClientFormat of(String value) {
    return Wire.parse(ClientFormat.class, value);
  }
}
