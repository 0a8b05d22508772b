package dev.harbor.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.audit.AuditPage;
import dev.harbor.audit.AuditQuery;
import dev.harbor.audit.SyntheticAudit;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries against a store filled through the real topology by the TopologyTestDriver, compared
 * with the same filters applied to the plain list of events.
 */
class AuditSearchTest {

  private static final String NODE = "node-1";
  private static final Instant START = Instant.parse("2025-12-01T00:00:00Z");
  private static final Topic<String, AuditEvent> TOPIC = Topics.audit(NODE);

  @TempDir static Path stateDir;
  static TopologyTestDriver driver;
  static AuditSearch search;
  static List<AuditEvent> events;

  @BeforeAll
  static void fillTheStore() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "audit-search-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(AuditTopology.build(TOPIC, new AppliedOffsets(), () -> false), props);
    TestInputTopic<String, AuditEvent> input =
        driver.createInputTopic(TOPIC.name(), TOPIC.keySerde().serializer(), TOPIC.valueSerde().serializer());

    events = new ArrayList<>(new SyntheticAudit(NODE, 42, 25, 8, 10, START, Duration.ofMinutes(1)).events(0, 1_500));
    AuditEvent first = events.get(0);
    for (int i = 0; i < 5; i++) {
      events.add(withIdAndTime(first, "tie-" + (4 - i), START.plus(Duration.ofDays(3))));
    }
    events.add(withActorName(first, "weird\u0000name|x", "ev-weird"));
    for (AuditEvent event : events) {
      input.pipeInput(event.subject(), event);
    }
    for (int i = 0; i < 20; i++) {
      input.pipeInput(events.get(i).subject(), events.get(i));
    }

    KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(AuditTopology.STORE);
    search = new AuditSearch(store);
  }

  @AfterAll
  static void close() {
    driver.close();
  }

  static Stream<Map<String, String>> queries() {
    AuditEvent sample =
        events.stream().skip(100).filter(e -> e.instanceId() != null && e.outcome() != null).findFirst().orElseThrow();
    String from = START.plus(Duration.ofHours(5)).toString();
    String to = START.plus(Duration.ofHours(11)).toString();
    return Stream.of(
        Map.of(),
        Map.of("instanceId", sample.instanceId()),
        Map.of("actorName", sample.actor().name()),
        Map.of("actorName", "weird\u0000name|x".replace('\u0000', ' ')),
        Map.of("actorKind", "operator"),
        Map.of("actorKind", "system"),
        Map.of("catalogId", sample.catalogId()),
        Map.of("types", "status_changed"),
        Map.of("types", "setup_denied,setup_requested,launch_failed"),
        Map.of("outcome", "pending"),
        Map.of("from", from),
        Map.of("to", to),
        Map.of("from", from, "to", to),
        Map.of("text", "QUOTA"),
        Map.of("text", "no such words anywhere"),
        Map.of("text", "installing"),
        Map.of("instanceId", sample.instanceId(), "types", "status_changed"),
        Map.of("actorName", sample.actor().name(), "outcome", "denied"),
        Map.of("catalogId", sample.catalogId(), "actorKind", "agent", "from", from),
        Map.of("types", "setup_requested", "outcome", "pending", "to", to),
        Map.of("actorKind", "script", "text", "github", "from", from, "to", to),
        Map.of("instanceId", sample.instanceId(), "actorName", sample.actor().name(),
            "actorKind", sample.actor().kind().wire(), "catalogId", sample.catalogId(),
            "types", sample.type().wire(), "outcome", sample.outcome().wire()),
        Map.of("instanceId", "i-unknown"),
        Map.of("from", to, "to", to));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void everyFilterAloneAndCombinedFindsExactlyTheMatchingEventsNewestFirst(Map<String, String> params) {
    AuditQuery query = AuditQuery.parse(withSize(params, "200"));
    List<AuditEvent> expected = expected(query);

    List<AuditEvent> found = allPages(query);

    assertThat(found).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void pagingWalksEveryMatchOnceWithoutGapsAndTheLastPageSaysSo(Map<String, String> params) {
    AuditQuery query = AuditQuery.parse(withSize(params, "7"));
    List<AuditEvent> expected = expected(query);

    List<AuditEvent> found = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int page = 0; ; page++) {
      AuditPage result = search.run(query.withPage(page));
      assertThat(result.page()).isEqualTo(page);
      assertThat(result.items().size()).isLessThanOrEqualTo(7);
      for (AuditEvent event : result.items()) {
        assertThat(ids.add(event.id())).as("repeated %s", event.id()).isTrue();
      }
      found.addAll(result.items());
      if (result.total() != null) {
        assertThat(result.total()).isEqualTo(expected.size());
      }
      if (!result.hasMore()) {
        assertThat(result.total()).as("the last page knows the total").isEqualTo(expected.size());
        break;
      }
      assertThat(result.items()).hasSize(7);
    }
    assertThat(found).containsExactlyElementsOf(expected);
  }

  @Test
  void aSingleFilterWithoutTimeOrTextGivesTheExactTotalOnTheFirstPage() {
    AuditEvent sample = events.get(10);
    for (Map<String, String> params :
        List.of(
            Map.<String, String>of(),
            Map.of("actorName", sample.actor().name()),
            Map.of("types", "status_changed,launch_failed"),
            Map.of("outcome", "denied"))) {
      AuditQuery query = AuditQuery.parse(withSize(params, "5"));
      AuditPage page = search.run(query);
      assertThat(page.hasMore()).isTrue();
      assertThat(page.total()).as("%s", params).isEqualTo(expected(query).size());
    }
  }

  @Test
  void aFilteredFirstPageWithMoreToComeLeavesTheTotalOpen() {
    AuditPage page = search.run(AuditQuery.parse(Map.of("actorKind", "agent", "text", "server", "size", "5")));
    assertThat(page.hasMore()).isTrue();
    assertThat(page.total()).isNull();
  }

  @Test
  void eventsDeliveredTwiceAreStoredOnce() {
    AuditPage all = search.run(AuditQuery.all());
    assertThat(all.total()).isEqualTo(events.size());
    String instanceId = events.stream().filter(e -> e.instanceId() != null).findFirst().orElseThrow().instanceId();
    assertThat(allPages(AuditQuery.parse(Map.of("instanceId", instanceId, "size", "200"))))
        .isNotEmpty()
        .doesNotHaveDuplicates();
  }

  @Test
  void eventsAtTheSameInstantComeInIdOrder() {
    AuditPage newest = search.run(AuditQuery.parse(Map.of("size", "5")));
    assertThat(newest.items()).extracting(AuditEvent::id).containsExactly("tie-0", "tie-1", "tie-2", "tie-3", "tie-4");
  }

  @Test
  void anActorNameWithAControlCharacterIsStillIndexedOnItsOwn() {
    AuditQuery query =
        new AuditQuery(null, "weird\u0000name|x", null, null, Set.of(), null, null, null, null, 0, 10);
    assertThat(search.run(query).items()).extracting(AuditEvent::id).containsExactly("ev-weird");
  }

  private static List<AuditEvent> allPages(AuditQuery query) {
    List<AuditEvent> found = new ArrayList<>();
    for (int page = 0; ; page++) {
      AuditPage result = search.run(query.withPage(page));
      found.addAll(result.items());
      if (!result.hasMore()) {
        return found;
      }
    }
  }

  private static List<AuditEvent> expected(AuditQuery query) {
    return events.stream()
        .filter(query::matches)
        .distinct()
        .sorted(SyntheticAudit.NEWEST_FIRST)
        .toList();
  }

  private static Map<String, String> withSize(Map<String, String> params, String size) {
    Map<String, String> copy = new LinkedHashMap<>(params);
    copy.put("size", size);
    return copy;
  }

  private static AuditEvent withIdAndTime(AuditEvent e, String id, Instant at) {
    return new AuditEvent(id, e.nodeId(), e.type(), at, e.actor(), e.catalogId(), e.instanceId(), e.message(),
        e.details(), e.action(), e.outcome(), e.reason(), e.correlationId());
  }

  private static AuditEvent withActorName(AuditEvent e, String name, String id) {
    return new AuditEvent(id, e.nodeId(), AuditEventType.TOKEN_CREATED, e.at(), new Actor(CallerKind.AGENT, name, null),
        null, null, "Token created.", Map.of(), null, AuditOutcome.SUCCEEDED, null, null);
  }
}
