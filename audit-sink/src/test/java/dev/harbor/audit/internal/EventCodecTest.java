package dev.harbor.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  @Test
  void aFullyPopulatedEventComesBackEqual() {
    AuditEvent event =
        new AuditEvent(
            "0b6f1c2e", "node-1", AuditEventType.LAUNCH_SUCCEEDED, Instant.parse("2025-12-03T08:35:41.204000001Z"),
            new Actor(CallerKind.AGENT, "release-bot", "tok_01JD8M4X2B"), "atlassian", "i-4f2a9c",
            "Started atlassian (mcp/atlassian:latest) on 127.0.0.1:49153 – ünïcødé ✓.",
            Map.of("image", "mcp/atlassian:latest", "hostPort", "49153", "", ""), "mcp.setup",
            AuditOutcome.SUCCEEDED, "because", "cmd-7");

    assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
  }

  @Test
  void aMinimalEventComesBackEqual() {
    AuditEvent event =
        new AuditEvent(
            "9d3e", "node-1", AuditEventType.CATALOG_VIEWED, Instant.parse("1960-01-01T00:00:00Z"),
            new Actor(CallerKind.OPERATOR, "alice", null), null, null, "Catalog listed.", Map.of());

    assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
  }

  @Test
  void theCodecKnowsEveryComponentOfTheContract() {
    assertThat(Arrays.stream(AuditEvent.class.getRecordComponents()).map(c -> c.getName()))
        .as("a new AuditEvent component must be added to EventCodec (and its FORMAT raised)")
        .containsExactly(
            "id", "nodeId", "type", "at", "actor", "catalogId", "instanceId", "message", "details",
            "action", "outcome", "reason", "correlationId");
    assertThat(Arrays.stream(Actor.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactly("kind", "name", "tokenId");
  }
}
