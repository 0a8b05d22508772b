package dev.harbor.node.events;

import dev.harbor.node.catalog.NodeCatalog;
import dev.harbor.node.instance.NodeInstances;
import dev.harbor.node.mirror.ChangeFeed;
import dev.harbor.schemas.api.ApprovalItem;
import dev.harbor.schemas.instance.Instance;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The node's changes as server-sent events, straight from its mirrors: {@code instance} (the
 * instance record) on every instance change, {@code approval} (an {@link ApprovalItem}) when an
 * instance's approval appears or changes, {@code catalog-state} (the state record) when an entry is
 * enabled or disabled. A stream opens with a {@code connected} comment once it follows the mirrors,
 * so nothing published after that comment is missed, and carries a keep-alive comment every
 * {@link #KEEP_ALIVE}; a subscriber that falls more than {@link #MAX_BACKLOG} events behind is cut
 * off and reconnects.
 */
@Singleton
@Requires(env = "node")
public class NodeEvents {

  public static final String INSTANCE = "instance";
  public static final String APPROVAL = "approval";
  public static final String CATALOG_STATE = "catalog-state";
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  static final int MAX_BACKLOG = 1024;

  private final NodeInstances instances;
  private final NodeCatalog catalog;

  NodeEvents(NodeInstances instances, NodeCatalog catalog) {
    this.instances = instances;
    this.catalog = catalog;
  }

  /** True once both mirrors have caught up, so a stream starts from the present, not a replay. */
  public boolean ready() {
    return instances.ready() && catalog.ready();
  }

  /** A new event stream, following the mirrors from the moment it is subscribed to. */
  public Flux<Event<Object>> stream() {
    Flux<Event<Object>> changes =
        Flux.<Event<Object>>create(this::follow, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(MAX_BACKLOG);
    Flux<Event<Object>> keepAlive = Flux.interval(KEEP_ALIVE).map(tick -> comment("keep-alive"));
    return Flux.merge(changes, keepAlive);
  }

  private void follow(FluxSink<Event<Object>> sink) {
    ChangeFeed.Subscription instanceChanges =
        instances.subscribe((before, after) -> instanceChanged(sink, before, after));
    ChangeFeed.Subscription stateChanges =
        catalog.subscribeStates(
            (before, after) -> {
              if (after != null) {
                sink.next(Event.<Object>of(after).name(CATALOG_STATE));
              }
            });
    sink.onDispose(
        () -> {
          instanceChanges.close();
          stateChanges.close();
        });
    sink.next(comment("connected"));
  }

  private static void instanceChanged(
      FluxSink<Event<Object>> sink, @Nullable Instance before, @Nullable Instance after) {
    if (after == null) {
      return;
    }
    sink.next(Event.<Object>of(after).name(INSTANCE));
    if (after.approval() != null && !Objects.equals(before == null ? null : before.approval(), after.approval())) {
      ApprovalItem.of(after).ifPresent(item -> sink.next(Event.<Object>of(item).name(APPROVAL)));
    }
  }

  private static Event<Object> comment(String text) {
    return Event.<Object>of("").comment(text);
  }
}
