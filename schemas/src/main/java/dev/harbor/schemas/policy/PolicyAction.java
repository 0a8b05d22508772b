package dev.harbor.schemas.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbor.schemas.Wire;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** The actions policy rules govern; their wire names are {@code mcp.setup}, {@code mcp.remove}, ... */
@Serdeable
public enum PolicyAction implements Wire {
  MCP_SETUP,
  MCP_REMOVE,
  MCP_ENABLE,
  MCP_DISABLE,
  MCP_RESTART;

  @JsonValue
  @Override
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  @JsonCreator
  public static PolicyAction of(String value) {
    return Wire.parse(PolicyAction.class, value);
  }
}
