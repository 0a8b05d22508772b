package dev.harbor.node.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the small JSON Schemas of the control tools' arguments. */
final class InputSchemas {

  private InputSchemas() {}

  /** An object schema with these properties, of which {@code required} must be given. */
  static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  static Map<String, Object> string(String description) {
    return Map.of("type", "string", "description", description);
  }

  static Map<String, Object> integer(String description, int minimum, int maximum) {
    return Map.of("type", "integer", "description", description, "minimum", minimum, "maximum", maximum);
  }

  static Map<String, Object> stringMap(String description) {
    return Map.of("type", "object", "description", description, "additionalProperties", Map.of("type", "string"));
  }
}
