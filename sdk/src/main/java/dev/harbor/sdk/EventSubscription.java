package dev.harbor.sdk;

import dev.harbor.schemas.api.ApprovalItem;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.node.CatalogEntryState;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A running subscription to a Node's event stream, from {@link HarborClient#events}. Events are
 * handed to the consumer one at a time, in order, on the subscription's own thread. It ends when
 * {@link #close()} is called, or on its first failure: the Node closing the stream (it does so to a
 * client that falls more than 1,024 events behind), a broken connection, an event whose data cannot
 * be read, or the consumer throwing. A failure is handed to the error handler once and kept in
 * {@link #failure()}; nothing is retried or replayed, so read the current state again after
 * subscribing anew.
 */
public final class EventSubscription implements AutoCloseable {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final InputStream body;
  private final Consumer<Event> consumer;
  private final Consumer<Throwable> onError;
  private final CountDownLatch connected = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean established;

  private EventSubscription(InputStream body, Consumer<Event> consumer, Consumer<Throwable> onError) {
    this.body = body;
    this.consumer = consumer;
    this.onError = onError;
    this.thread = new Thread(this::read, "harbor-events-" + THREADS.incrementAndGet());
    this.thread.setDaemon(true);
  }

  /**
   * Starts reading {@code body} and returns once the stream is connected (its first comment or
   * event arrived), so that no change after this returns is missed.
   *
   * @throws UncheckedIOException when the stream fails or stays silent for {@code connectTimeout}
   */
  static EventSubscription start(
      InputStream body, Consumer<Event> consumer, Consumer<Throwable> onError, Duration connectTimeout) {
    EventSubscription subscription = new EventSubscription(body, consumer, onError);
    subscription.thread.start();
    subscription.awaitConnected(connectTimeout);
    return subscription;
  }

  /** True until the subscription is closed or has failed. */
  public boolean isOpen() {
    return !closed && failure.get() == null;
  }

  /** Why the subscription ended, when it ended on a failure rather than by {@link #close()}. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Stops reading and closes the connection; the consumer gets no further event. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      body.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the event stream", e);
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitConnected(Duration timeout) {
    try {
      connected.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new UncheckedIOException(new InterruptedIOException("interrupted while connecting to the event stream"));
    }
    if (established) {
      return;
    }
    Throwable failed = failure.get();
    close();
    if (failed == null) {
      throw new UncheckedIOException(new HttpTimeoutException("the event stream sent nothing within " + timeout));
    }
    if (failed instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw new UncheckedIOException("the event stream failed while connecting",
        failed instanceof IOException io ? io : new IOException(failed));
  }

  private void read() {
    SseParser parser = new SseParser(new SseParser.Listener() {
      @Override
      public void comment(String text) {
        connect();
      }

      @Override
      public void message(String name, String data) {
        connect();
        if (!closed) {
          consumer.accept(decode(name, data));
        }
      }
    });
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while (!closed && (line = lines.readLine()) != null) {
        parser.line(line);
      }
      if (!closed) {
        fail(new UncheckedIOException(new EOFException("the Node closed the event stream")));
      }
    } catch (IOException e) {
      if (!closed) {
        fail(new UncheckedIOException("the event stream broke: " + e, e));
      }
    } catch (RuntimeException | Error e) {
      fail(e);
    }
  }

  private void connect() {
    established = true;
    connected.countDown();
  }

  private void fail(Throwable cause) {
    if (!failure.compareAndSet(null, cause)) {
      return;
    }
    boolean wasConnected = established;
    connected.countDown();
    try {
      body.close();
    } catch (IOException alsoBroken) {
      cause.addSuppressed(alsoBroken);
    }
    if (wasConnected && onError != null) {
      onError.accept(cause);
    }
  }

  private static Event decode(String name, String data) {
    return switch (name) {
      case Event.InstanceChanged.NAME -> new Event.InstanceChanged(Json.read(data, Instance.class));
      case Event.ApprovalChanged.NAME -> new Event.ApprovalChanged(Json.read(data, ApprovalItem.class));
      case Event.CatalogStateChanged.NAME -> new Event.CatalogStateChanged(Json.read(data, CatalogEntryState.class));
      default -> new Event.Other(name, data);
    };
  }
}
