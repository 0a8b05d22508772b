package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** JSON for tests: parse text into maps and lists, write values back, and cast with a clear failure. */
final class Json {

  private Json() {}

  /** The value of a JSON text: a map, a list, a string, a number, a boolean or null. */
  static Object parse(String text) {
    try {
      return ObjectMapper.getDefault().readValue(text.strip(), Object.class);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** A JSON text, or an already parsed value, as an object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    Object parsed = value instanceof String text ? parse(text) : value;
    assertThat(parsed).as("a JSON object").isInstanceOf(Map.class);
    return (Map<String, Object>) parsed;
  }

  /** A parsed value as a list of objects. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    assertThat(value).as("a JSON array").isInstanceOf(List.class);
    ((List<?>) value).forEach(item -> assertThat(item).as("a JSON object").isInstanceOf(Map.class));
    return (List<Map<String, Object>>) value;
  }

  static String write(Object value) {
    try {
      return ObjectMapper.getDefault().writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
