package dev.harbor.bench;

import dev.harbor.platform.mirror.MirrorListener;
import java.util.concurrent.atomic.AtomicLong;

/** Passes every change on to another listener and counts the upserts it saw. */
final class CountingListener<V> implements MirrorListener<V> {

  private final MirrorListener<V> target;
  private final AtomicLong upserts = new AtomicLong();

  CountingListener(MirrorListener<V> target) {
    this.target = target;
  }

  @Override
  public void upsert(String key, V value) {
    upserts.incrementAndGet();
    target.upsert(key, value);
  }

  @Override
  public void remove(String key) {
    target.remove(key);
  }

  long upserts() {
    return upserts.get();
  }
}
