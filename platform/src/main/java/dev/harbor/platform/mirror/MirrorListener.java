package dev.harbor.platform.mirror;

/**
 * Told about every change a {@link TopicMirror} applies to one of its stores, on the mirror's own
 * thread: first each value already in the store when it opens, then every later record.
 */
public interface MirrorListener<V> {

  void upsert(String key, V value);

  void remove(String key);
}
