package dev.harbor.schemas.json;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for contract records, as JSON through Micronaut Serialization's build-time
 * introspections (the same mapping the HTTP API uses). A null value is a null record: a tombstone.
 */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;

  private JsonSerde(Class<T> type) {
    this.type = type;
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type);
  }

  public Class<T> type() {
    return type;
  }

  public byte[] toBytes(T value) {
    if (value == null) {
      return null;
    }
    try {
      return ObjectMapper.getDefault().writeValueAsBytes(value);
    } catch (IOException e) {
      throw new SerializationException("cannot write " + type.getSimpleName(), e);
    }
  }

  public T fromBytes(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return ObjectMapper.getDefault().readValue(bytes, type);
    } catch (IOException e) {
      throw new SerializationException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  public String toJson(T value) {
    byte[] bytes = toBytes(value);
    return bytes == null ? "null" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  public T fromJson(String json) {
    try {
      return ObjectMapper.getDefault().readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> toBytes(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> fromBytes(bytes);
  }
}
