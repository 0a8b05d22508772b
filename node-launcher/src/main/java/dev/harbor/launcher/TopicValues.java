package dev.harbor.launcher;

import dev.harbor.schemas.topics.Topic;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads the values of several topics with one consumer: each topic's own value serde decodes its records. */
final class TopicValues implements Deserializer<Object> {

  private final Map<String, Deserializer<?>> byTopic;

  TopicValues(Topic<?, ?>... topics) {
    Map<String, Deserializer<?>> map = new java.util.HashMap<>();
    for (Topic<?, ?> topic : topics) {
      map.put(topic.name(), topic.valueSerde().deserializer());
    }
    this.byTopic = Map.copyOf(map);
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    Deserializer<?> deserializer = byTopic.get(topic);
    return deserializer == null ? null : deserializer.deserialize(topic, data);
  }
}
