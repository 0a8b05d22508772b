package dev.harbor.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.harbor.schemas.instance.InstanceStatus;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event stream: typed events on the subscription's own thread, failures reported once, close stops it. */
class EventSubscriptionTest {

  private final FakeNode node;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final AtomicReference<Throwable> error = new AtomicReference<>();

  EventSubscriptionTest() throws IOException {
    node = new FakeNode();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void instanceApprovalAndCatalogStateEventsArriveTypedAndInOrder() {
    FakeNode.Feed feed = node.stream("/v1/mcp/events");
    try (EventSubscription subscription = node.client().events(events::add, error::set)) {
      feed.send("event: instance\ndata: " + Samples.instance("i-1", "pending_approval") + "\n\n");
      feed.send("event: approval\ndata: {\"instanceId\":\"i-1\",\"catalogId\":\"test.everything\",\"name\":\"E\","
          + "\"requestedBy\":{\"kind\":\"agent\",\"name\":\"bot\"},\"state\":\"pending\",\"specHash\":\"ab\","
          + "\"requestedAt\":\"2026-11-22T03:14:44Z\",\"expiresAt\":\"2026-11-23T03:14:44Z\"}\n\n");
      feed.send(": keep-alive\n\nevent: catalog-state\r\ndata: {\"catalogId\":\"test.everything\",\"enabled\":false,"
          + "\"reason\":\"not here\",\"changedBy\":{\"kind\":\"operator\",\"name\":\"op\"},"
          + "\"changedAt\":\"2026-11-22T03:14:44Z\"}\r\n\r\n");
      feed.send("event: future-thing\ndata: {\"x\":1}\n\n");

      await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 4);

      assertThat(events.get(0)).isInstanceOfSatisfying(Event.InstanceChanged.class,
          e -> assertThat(e.instance().status()).isEqualTo(InstanceStatus.PENDING_APPROVAL));
      assertThat(events.get(1)).isInstanceOfSatisfying(Event.ApprovalChanged.class,
          e -> assertThat(e.approval().specHash()).isEqualTo("ab"));
      assertThat(events.get(2)).isInstanceOfSatisfying(Event.CatalogStateChanged.class,
          e -> assertThat(e.state().reason()).isEqualTo("not here"));
      assertThat(events.get(3)).isEqualTo(new Event.Other("future-thing", "{\"x\":1}"));
      assertThat(subscription.isOpen()).isTrue();
      assertThat(node.last().header("Accept")).isEqualTo("text/event-stream");
      assertThat(node.last().header("Authorization")).isEqualTo("Bearer hbr_test_secret");
    }
    assertThat(error.get()).isNull();
  }

  @Test
  void theStreamOutlivesTheRequestTimeout() {
    FakeNode.Feed feed = node.stream("/v1/mcp/events");
    HarborClient impatient = HarborClient.builder().baseUri(node.baseUri()).token("hbr_a_b")
        .requestTimeout(Duration.ofMillis(300)).build();
    try (EventSubscription subscription = impatient.events(events::add, error::set)) {
      await().during(Duration.ofMillis(900)).atMost(Duration.ofSeconds(5)).until(subscription::isOpen);
      feed.send("event: instance\ndata: " + Samples.instance("i-2", "active") + "\n\n");

      await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
      assertThat(subscription.isOpen()).isTrue();
    }
    assertThat(error.get()).isNull();
  }

  @Test
  void theNodeClosingTheStreamIsReportedOnce() {
    FakeNode.Feed feed = node.stream("/v1/mcp/events");
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    EventSubscription subscription = node.client().events(events::add, errors::add);

    feed.end();

    await().atMost(Duration.ofSeconds(5)).until(() -> !subscription.isOpen());
    assertThat(errors).singleElement().isInstanceOf(UncheckedIOException.class)
        .extracting(Throwable::getCause).isInstanceOf(EOFException.class);
    assertThat(subscription.failure()).containsSame(errors.get(0));
  }

  @Test
  void aConsumerThatThrowsEndsTheSubscriptionAndItsExceptionIsReported() {
    FakeNode.Feed feed = node.stream("/v1/mcp/events");
    IllegalStateException boom = new IllegalStateException("consumer broke");
    EventSubscription subscription = node.client().events(event -> {
      throw boom;
    }, error::set);

    feed.send("event: instance\ndata: " + Samples.instance("i-3", "active") + "\n\n");

    await().atMost(Duration.ofSeconds(5)).until(() -> error.get() != null);
    assertThat(error.get()).isSameAs(boom);
    assertThat(subscription.isOpen()).isFalse();
  }

  @Test
  void anEventWhoseDataCannotBeReadEndsTheSubscriptionWithoutAnErrorHandlerToo() {
    FakeNode.Feed feed = node.stream("/v1/mcp/events");
    EventSubscription subscription = node.client().events(events::add);

    feed.send("event: instance\ndata: {\"id\":\n\n");

    await().atMost(Duration.ofSeconds(5)).until(() -> subscription.failure().isPresent());
    assertThat(subscription.failure().get()).isInstanceOf(UncheckedIOException.class).hasMessageContaining("Instance");
    assertThat(events).isEmpty();
  }

  @Test
  void closeStopsDeliveryAndEndsTheThread() {
    FakeNode.Feed feed = node.stream("/v1/mcp/events");
    Set<Thread> before = readers();
    EventSubscription subscription = node.client().events(events::add, error::set);
    Set<Thread> started = readers();
    started.removeAll(before);
    assertThat(started).hasSize(1);

    subscription.close();
    feed.send("event: instance\ndata: " + Samples.instance("i-4", "active") + "\n\n");

    assertThat(subscription.isOpen()).isFalse();
    assertThat(started.iterator().next().isAlive()).isFalse();
    assertThat(events).isEmpty();
    assertThat(error.get()).isNull();
    assertThat(subscription.failure()).isEmpty();
  }

  @Test
  void aRefusedSubscriptionThrowsTheNodesError() {
    node.onJson("GET", "/v1/mcp/events", 401, Samples.error(401, "unauthorized", null, "no valid bearer token"));

    assertThatThrownBy(() -> node.client().events(events::add)).isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("no valid bearer token");
  }

  private static Set<Thread> readers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("harbor-events-") && t.isAlive())
        .collect(Collectors.toCollection(HashSet::new));
  }
}
