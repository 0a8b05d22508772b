package dev.harbor.node.events;

import static dev.harbor.node.KafkaNode.error;
import static dev.harbor.node.KafkaNode.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.node.Fixtures;
import dev.harbor.node.KafkaNode;
import dev.harbor.schemas.api.ApprovalItem;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.node.CatalogEntryState;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsApiTest {

  private static final Actor AGENT = new Actor(CallerKind.AGENT, "watcher", null);

  @TempDir static Path home;

  private static KafkaNode node;
  private static String agent;

  @BeforeAll
  static void startNode() {
    node = KafkaNode.start(home);
    agent = node.issueToken("agent", "watcher");
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void anInstanceAppearingOnTheTopicIsDeliveredAsAnInstanceEventAndItsApprovalAsAnApprovalEvent() {
    try (SseClient events = follow()) {
      Instance pending = node.publishInstance(Fixtures.instance(node.nodeId(), "i-sse-pending", node.nodeId() + ".sse",
          InstanceStatus.PENDING_APPROVAL, AGENT, Instant.now(), "c-1"));

      await().untilAsserted(() -> assertThat(events.events())
          .anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("instance");
            assertThat(read(e.data(), Instance.class)).isEqualTo(pending);
          })
          .anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("approval");
            assertThat(read(e.data(), ApprovalItem.class)).isEqualTo(ApprovalItem.of(pending).orElseThrow());
          }));
      assertThat(events.status()).isEqualTo(200);
      assertThat(events.contentType()).startsWith("text/event-stream");
    }
  }

  @Test
  void aCatalogStateChangeIsDeliveredAsACatalogStateEvent() {
    try (SseClient events = follow()) {
      CatalogEntryState state = new CatalogEntryState(node.nodeId() + ".sse-state", false, "watch this",
          new Actor(CallerKind.OPERATOR, "operator", null), Instant.now(), null);
      node.publishState(state);

      await().untilAsserted(() -> assertThat(events.events())
          .anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("catalog-state");
            assertThat(read(e.data(), CatalogEntryState.class)).isEqualTo(state);
          }));
    }
  }

  @Test
  void anInstanceChangeWithoutAnApprovalChangeIsNoApprovalEvent() {
    Instance active = node.publishInstance(Fixtures.instance(node.nodeId(), "i-sse-active", node.nodeId() + ".quiet",
        InstanceStatus.ACTIVE, AGENT, Instant.now(), "c-2"));
    try (SseClient events = follow()) {
      Instance degraded = node.publishInstance(Fixtures.moved(active, InstanceStatus.DEGRADED, null, "c-3"));

      await().untilAsserted(() -> assertThat(events.events())
          .anySatisfy(e -> assertThat(e.data()).contains("\"lastCorrelationId\":\"c-3\"")));
      assertThat(events.events())
          .filteredOn(e -> e.data().contains(degraded.id()))
          .extracting(SseClient.SseEvent::name)
          .containsExactly("instance");
    }
  }

  @Test
  void followingNeedsATokenAndTakesNoParameters() {
    assertThat(error(node.get("/v1/mcp/events", null), 401).error()).isEqualTo("unauthorized");
    assertThat(error(node.get("/v1/mcp/events?since=0", agent), 400).field()).isEqualTo("since");
  }

  private static SseClient follow() {
    SseClient client = new SseClient(node.uri("/v1/mcp/events"), agent);
    await().until(() -> client.comments().contains("connected"));
    return client;
  }
}
