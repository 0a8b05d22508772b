package dev.harbor.node.mcp;

import dev.harbor.platform.http.BadRequestException;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code arguments} of one tool call, read with the type each tool expects. A missing or
 * mistyped argument is a {@link BadRequestException} naming it, which the tool call reports as an
 * error result.
 */
final class ToolArguments {

  private final Map<String, Object> values;

  ToolArguments(Map<String, Object> values, Set<String> accepted) {
    for (String name : values.keySet()) {
      if (!accepted.contains(name)) {
        throw new BadRequestException(name, "unknown argument; accepted: " + accepted.stream().sorted().toList());
      }
    }
    this.values = values;
  }

  /** A string argument, null when absent. */
  @Nullable
  String text(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new BadRequestException(name, "must be a string");
    }
    return text;
  }

  /** A string argument that must be there. */
  String requiredText(String name) {
    String value = text(name);
    if (value == null || value.isBlank()) {
      throw new BadRequestException(name, "missing required argument '" + name + "'");
    }
    return value;
  }

  /** A whole-number argument, null when absent. */
  @Nullable
  Integer number(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    throw new BadRequestException(name, "must be a whole number");
  }

  /** An object argument whose values are all strings, null when absent. */
  @Nullable
  Map<String, String> stringMap(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new BadRequestException(name, "must be an object of string values");
    }
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getValue() instanceof String text)) {
        throw new BadRequestException(name, "value of '" + entry.getKey() + "' must be a string");
      }
      strings.put(String.valueOf(entry.getKey()), text);
    }
    return strings;
  }
}
