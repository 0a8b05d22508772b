package dev.harbor.node.mirror;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes one mirrored topic goes through, for whoever wants to follow them: subscribers are told
 * about each change, and a request thread can wait until the mirror shows what it is waiting for.
 * The mirror publishes on its own thread, after its own view was updated, so a waiter that is woken
 * up reads the new state.
 *
 * @param <V> the topic's value type
 */
public final class ChangeFeed<V> {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

  private final List<Listener<V>> listeners = new CopyOnWriteArrayList<>();
  private final Object signal = new Object();

  /** Told about one change: the value before (null when new) and after (null when deleted). */
  @FunctionalInterface
  public interface Listener<V> {
    void changed(@Nullable V before, @Nullable V after);
  }

  /** Ends a subscription; closing twice is harmless. */
  @FunctionalInterface
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** Adds a listener until the returned subscription is closed. Listeners must not block. */
  public Subscription subscribe(Listener<V> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Tells every listener about a change the mirror has just applied, then wakes up the waiters. */
  public void publish(@Nullable V before, @Nullable V after) {
    for (Listener<V> listener : listeners) {
      try {
        listener.changed(before, after);
      } catch (RuntimeException e) {
        LOG.warn("a change listener failed: {}", e.toString());
      }
    }
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /**
   * Asks {@code probe} after every change until it finds something, at most for {@code timeout}.
   *
   * @return what the probe found, or empty when the timeout passed first
   */
  public <T> Optional<T> await(Supplier<Optional<T>> probe, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (signal) {
      while (true) {
        Optional<T> found = probe.get();
        long left = deadline - System.nanoTime();
        if (found.isPresent() || left <= 0) {
          return found;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(signal, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the node's mirror", e);
        }
      }
    }
  }
}
