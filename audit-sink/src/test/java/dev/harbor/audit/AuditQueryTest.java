package dev.harbor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.platform.http.BadRequestException;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditQueryTest {

  @Test
  void noParametersMeansEveryEventFirstPageOfFifty() {
    assertThat(AuditQuery.parse(Map.of())).isEqualTo(AuditQuery.all());
    assertThat(AuditQuery.all().size()).isEqualTo(50);
  }

  @Test
  void everyParameterIsReadIntoItsComponent() {
    Map<String, String> params = new HashMap<>();
    params.put("instanceId", "i-0123456789abcdef0123");
    params.put("actorName", "release-bot");
    params.put("actorKind", "agent");
    params.put("catalogId", "docker.github-official");
    params.put("types", "setup_requested, SETUP_DENIED,,");
    params.put("outcome", "denied");
    params.put("from", "2025-12-03T08:00:00Z");
    params.put("to", "2025-12-03T10:00:00+01:00");
    params.put("text", "  Quota exceeded ");
    params.put("page", "3");
    params.put("size", "200");

    AuditQuery query = AuditQuery.parse(params);

    assertThat(query)
        .isEqualTo(
            new AuditQuery(
                "i-0123456789abcdef0123",
                "release-bot",
                CallerKind.AGENT,
                "docker.github-official",
                Set.of(AuditEventType.SETUP_REQUESTED, AuditEventType.SETUP_DENIED),
                AuditOutcome.DENIED,
                Instant.parse("2025-12-03T08:00:00Z"),
                Instant.parse("2025-12-03T09:00:00Z"),
                "Quota exceeded",
                3,
                200));
  }

  @Test
  void blankValuesCountAsAbsent() {
    assertThat(AuditQuery.parse(Map.of("instanceId", " ", "types", "", "page", ""))).isEqualTo(AuditQuery.all());
  }

  @ParameterizedTest(name = "{0}={1} is refused naming {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "instance|i-1",
        "actorKind|robot",
        "outcome|maybe",
        "types|setup_requested,launched",
        "catalogId|Not An Id",
        "from|yesterday",
        "to|2025-12-03",
        "page|-1",
        "page|two",
        "size|0",
        "size|201",
      })
  void aBadParameterIsRefusedByName(String name, String value) {
    assertThatThrownBy(() -> AuditQuery.parse(Map.of(name, value)))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(name));
  }

  @ParameterizedTest(name = "{0} with a control character is refused")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"text", "actorName", "instanceId"})
  void aValueWithAControlCharacterIsRefusedByName(String name) {
    for (String value : List.of("a\u0007b", "bob\nmallory", "x\u0000", "tab\there")) {
      assertThatThrownBy(() -> AuditQuery.parse(Map.of(name, value)))
          .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(name));
    }
  }

  @Test
  void fromAfterToIsRefusedNamingFrom() {
    assertThatThrownBy(
            () -> AuditQuery.parse(Map.of("from", "2025-12-03T10:00:00Z", "to", "2025-12-03T09:00:00Z")))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("from"));
  }

  @Test
  void aPageStartingBeyondTheDeepestOffsetIsRefusedNamingPage() {
    assertThat(AuditQuery.parse(Map.of("page", "500", "size", "200")).page()).isEqualTo(500);
    assertThatThrownBy(() -> AuditQuery.parse(Map.of("page", "501", "size", "200")))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("page"));
  }

  @Test
  void textLongerThanTwoHundredCharactersIsRefused() {
    assertThatThrownBy(() -> AuditQuery.parse(Map.of("text", "x".repeat(201))))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("text"));
  }

  @Test
  void textMatchesMessageReasonAndDetailValuesIgnoringCase() {
    AuditQuery query = AuditQuery.parse(Map.of("text", "QUOTA"));
    AuditEvent plain = event("Setup requested.", null, Map.of());

    assertThat(query.matches(plain)).isFalse();
    assertThat(query.matches(event("Over quota.", null, Map.of()))).isTrue();
    assertThat(query.matches(event("Refused.", "Agent quota reached", Map.of()))).isTrue();
    assertThat(query.matches(event("Searched.", null, Map.of("q", "quotas")))).isTrue();
    assertThat(query.matches(event("Searched.", null, Map.of("quota", "none")))).as("detail keys are not searched").isFalse();
  }

  @Test
  void fromIsInclusiveAndToIsExclusive() {
    AuditEvent event = event("x", null, Map.of());
    assertThat(AuditQuery.parse(Map.of("from", event.at().toString())).matches(event)).isTrue();
    assertThat(AuditQuery.parse(Map.of("to", event.at().toString())).matches(event)).isFalse();
    assertThat(AuditQuery.parse(Map.of("to", event.at().plusNanos(1).toString())).matches(event)).isTrue();
  }

  private static AuditEvent event(String message, String reason, Map<String, String> details) {
    return new AuditEvent(
        "e1", "node-1", AuditEventType.SETUP_REQUESTED, Instant.parse("2025-12-03T08:30:00.123456789Z"),
        new Actor(CallerKind.AGENT, "bot", null), "docker.x", "i-1", message, details, "mcp.setup",
        AuditOutcome.DENIED, reason, "c1");
  }
}
