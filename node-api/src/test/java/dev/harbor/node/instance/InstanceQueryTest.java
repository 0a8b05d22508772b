package dev.harbor.node.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.node.Fixtures;
import dev.harbor.platform.http.BadRequestException;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceQueryTest {

  private static final Instance ACTIVE = Fixtures.instance("default", "i-1", "docker.fetch", InstanceStatus.ACTIVE,
      new Actor(CallerKind.AGENT, "claude", "abcdefghijkl"), Instant.EPOCH, "c");

  @Test
  void noParametersListEverythingFromTheFirstPage() {
    assertThat(InstanceQuery.parse(Map.of())).isEqualTo(InstanceQuery.all());
    assertThat(InstanceQuery.all().accepts(ACTIVE)).isTrue();
  }

  @Test
  void everyFilterMustMatch() {
    InstanceQuery query = InstanceQuery.parse(Map.of(
        "status", "active", "catalogId", "docker.fetch", "requestedByKind", "agent", "requestedByName", "claude",
        "page", "2", "size", "10"));

    assertThat(query.accepts(ACTIVE)).isTrue();
    assertThat(query.page()).isEqualTo(2);
    assertThat(query.size()).isEqualTo(10);
    assertThat(InstanceQuery.parse(Map.of("status", "removed")).accepts(ACTIVE)).isFalse();
    assertThat(InstanceQuery.parse(Map.of("requestedByKind", "script")).accepts(ACTIVE)).isFalse();
    assertThat(InstanceQuery.parse(Map.of("requestedByName", "other")).accepts(ACTIVE)).isFalse();
    assertThat(InstanceQuery.parse(Map.of("catalogId", "docker.other")).accepts(ACTIVE)).isFalse();
  }

  @Test
  void badValuesAreRefusedNamingTheParameter() {
    assertRefused(Map.of("status", "asleep"), "status");
    assertRefused(Map.of("requestedByKind", "admin"), "requestedByKind");
    assertRefused(Map.of("requestedByName", "has space"), "requestedByName");
    assertRefused(Map.of("catalogId", "-bad"), "catalogId");
    assertRefused(Map.of("page", "-1"), "page");
    assertRefused(Map.of("size", "201"), "size");
    assertRefused(Map.of("size", "ten"), "size");
    assertRefused(Map.of("owner", "me"), "owner");
  }

  private static void assertRefused(Map<String, String> params, String field) {
    assertThatThrownBy(() -> InstanceQuery.parse(params))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
