package dev.harbor.schemas.topics;

import org.apache.kafka.common.serialization.Serde;

/**
 * A typed topic: its versioned name, key and value serdes, creation settings, the one module that
 * writes it, and the JSON Schema resource describing its values. Immutable; use it as {@code
 * Consumed.with(topic.keySerde(), topic.valueSerde())}, never a bare topic string.
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    TopicSpec spec,
    String writer,
    String valueSchema) {}
