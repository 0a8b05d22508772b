package dev.harbor.sdk;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON through Micronaut Serialization's default mapper, the one the contract records are made for. */
final class Json {

  private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

  private Json() {}

  static <T> T read(byte[] json, Argument<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException | RuntimeException e) {
      throw unreadable(type, e);
    }
  }

  static <T> T read(byte[] json, Class<T> type) {
    return read(json, Argument.of(type));
  }

  static <T> T read(String json, Class<T> type) {
    return read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  static JsonNode tree(byte[] json) {
    return read(json, JsonNode.class);
  }

  static <T> T fromTree(JsonNode node, Argument<T> type) {
    try {
      return MAPPER.readValueFromTree(node, type);
    } catch (IOException | RuntimeException e) {
      throw unreadable(type, e);
    }
  }

  /** Converts an already parsed value (maps, lists, strings) into {@code type}. */
  static <T> T convert(Object value, Argument<T> type) {
    return read(bytes(value), type);
  }

  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static String text(Object value) {
    return new String(bytes(value), StandardCharsets.UTF_8);
  }

  private static UncheckedIOException unreadable(Argument<?> type, Exception e) {
    IOException cause = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    return new UncheckedIOException("the Node's answer is not a readable " + type.getType().getSimpleName()
        + ": " + e.getMessage(), cause);
  }
}
