package dev.harbor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.json.JsonSerde;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit sink against a real broker: loading, ordering across partitions, replay, restart, decoding. */
class AuditSinkTest {

  private static final Duration READY = Duration.ofSeconds(90);
  private static final Instant START = Instant.parse("2025-11-01T00:00:00Z");

  @TempDir static Path brokerDir;
  static EmbeddedKafka broker;
  static KafkaSettings settings;

  @TempDir Path stateRoot;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafka.start(brokerDir, 0);
    settings = KafkaSettings.local(broker.bootstrapServers());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aStoreThatIsNotStartedOrAlreadyClosedAnswersNotReady() {
    String node = newNode();
    AuditSink sink = new AuditSink(node, settings, stateRoot);

    assertThat(sink.ready()).isFalse();
    assertThatThrownBy(() -> sink.query(AuditQuery.all())).isInstanceOf(NotReadyException.class);
    assertThatThrownBy(() -> sink.forInstance("i-1", 0, 10)).isInstanceOf(NotReadyException.class);

    sink.start();
    sink.close();
    assertThat(sink.ready()).isFalse();
    assertThatThrownBy(() -> sink.query(AuditQuery.all())).isInstanceOf(NotReadyException.class);
  }

  @Test
  void whileLoadingTheStoreAnswersNotReadyOrTheWholeHistoryNeverPartOfIt() {
    String node = newNode();
    List<AuditEvent> events = synthetic(node, 30_000);
    AuditTopicWriter.write(settings, node, events);
    AtomicBoolean sawNotReady = new AtomicBoolean();

    try (AuditSink sink = new AuditSink(node, settings, stateRoot).start()) {
      await().atMost(READY).pollInterval(Duration.ofMillis(20)).until(() -> {
        try {
          AuditPage page = sink.query(AuditQuery.all());
          assertThat(page.total()).isEqualTo(events.size());
          return true;
        } catch (NotReadyException e) {
          sawNotReady.set(true);
          return false;
        }
      });
      assertThat(sawNotReady).as("the first questions came while it was loading").isTrue();
      assertThat(sink.ready()).isTrue();
    }
  }

  @Test
  void eventsFromAllThreePartitionsComeBackNewestFirst() throws Exception {
    String node = newNode();
    List<AuditEvent> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Instant at = START.plusSeconds((i * 37L) % 60);
      events.add(event(node, "e-" + i, "i-" + (i % 12), at, AuditEventType.STATUS_CHANGED));
    }
    Map<TopicPartition, Long> written = AuditTopicWriter.write(settings, node, events);
    assertThat(written).as("subjects spread over every partition").hasSize(3);

    try (AuditSink sink = started(node)) {
      List<AuditEvent> found = sink.query(AuditQuery.parse(Map.of("size", "200"))).items();

      assertThat(found).containsExactlyElementsOf(events.stream().sorted(SyntheticAudit.NEWEST_FIRST).toList());
      assertThat(sink.forInstance("i-5", 0, 3))
          .containsExactlyElementsOf(events.stream().filter(e -> e.instanceId().equals("i-5"))
              .sorted(SyntheticAudit.NEWEST_FIRST).limit(3).toList());
    }
  }

  @Test
  void eventsWrittenAfterTheStoreIsReadyShowUpOnceApplied() throws Exception {
    String node = newNode();
    AuditTopicWriter.write(settings, node, synthetic(node, 100));
    try (AuditSink sink = started(node)) {
      AuditEvent late = event(node, "late-1", "i-late", Instant.parse("2030-01-01T00:00:00Z"), AuditEventType.LAUNCH_FAILED);
      Map<TopicPartition, Long> written = AuditTopicWriter.write(settings, node, List.of(late));

      assertThat(sink.awaitApplied(written, Duration.ofSeconds(30))).isTrue();
      assertThat(sink.query(AuditQuery.all()).items().get(0)).isEqualTo(late);
      assertThat(sink.query(AuditQuery.all()).total()).isEqualTo(101);
    }
  }

  @Test
  void replayRebuildsAnIdenticalStoreInANewGenerationAndRemovesTheOldOne() throws Exception {
    String node = newNode();
    List<AuditEvent> events = synthetic(node, 5_000);
    AuditTopicWriter.write(settings, node, events);
    try (AuditSink sink = started(node)) {
      List<AuditQuery> queries = sampleQueries(events);
      List<List<AuditEvent>> before = queries.stream().map(q -> allPages(sink, q)).toList();
      assertThat(sink.generation()).isEqualTo(1);

      CompletableFuture<Void> replay = sink.replay();
      assertThat(sink.replay()).as("a second call joins the running rebuild").isSameAs(replay);
      assertThat(sink.query(AuditQuery.all()).total()).as("still answering while rebuilding").isEqualTo(events.size());
      replay.get(90, TimeUnit.SECONDS);

      assertThat(sink.generation()).isEqualTo(2);
      assertThat(stateRoot.resolve("g1")).doesNotExist();
      assertThat(stateRoot.resolve("g2")).isDirectory();
      assertThat(Files.readString(stateRoot.resolve("CURRENT"))).contains("generation=2");
      List<List<AuditEvent>> after = queries.stream().map(q -> allPages(sink, q)).toList();
      assertThat(after).isEqualTo(before);
      assertThat(before.stream().mapToInt(List::size).sum()).as("the queries found something").isGreaterThan(1_000);
    }
  }

  @Test
  void aRestartOnTheSameStateDirectoryResumesInsteadOfReadingEverythingAgain() throws Exception {
    String node = newNode();
    List<AuditEvent> first = synthetic(node, 5_000);
    AuditTopicWriter.write(settings, node, first);
    try (AuditSink sink = started(node)) {
      assertThat(sink.recordsApplied()).isEqualTo(5_000);
    }
    List<AuditEvent> more = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      more.add(event(node, "after-restart-" + i, "i-r" + i, START.plusSeconds(i), AuditEventType.SETUP_STARTED));
    }
    AuditTopicWriter.write(settings, node, more);

    try (AuditSink sink = started(node)) {
      assertThat(sink.generation()).isEqualTo(1);
      assertThat(sink.recordsApplied()).as("only what was written while it was down").isLessThan(500);
      assertThat(sink.query(AuditQuery.all()).total()).isEqualTo(5_050);
      assertThat(sink.query(AuditQuery.parse(Map.of("types", "setup_started", "from", START.toString(),
          "to", START.plusSeconds(50).toString(), "size", "100"))).items())
          .containsExactlyInAnyOrderElementsOf(more);
    }
  }

  @Test
  void closingWhileLoadingStopsTheLoadAndTheNextStartCompletesItCorrectly() throws Exception {
    String node = newNode();
    List<AuditEvent> events = synthetic(node, 60_000);
    AuditTopicWriter.write(settings, node, events);
    List<AuditQuery> queries = sampleQueries(events);

    AuditSink first = new AuditSink(node, settings, stateRoot).start();
    await().atMost(READY).until(() -> first.recordsApplied() > 2_000);
    long closing = System.nanoTime();
    first.close();
    assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(20));
    assertThat(first.ready()).isFalse();

    try (AuditSink second = started(node)) {
      assertThat(second.query(AuditQuery.all()).total()).isEqualTo(events.size());
      for (AuditQuery query : queries) {
        assertThat(allPages(second, query))
            .containsExactlyElementsOf(events.stream().filter(query::matches).sorted(SyntheticAudit.NEWEST_FIRST).toList());
      }
    }
  }

  @Test
  void aStoreWrittenInAnotherFormatIsRebuiltAsANewGeneration() throws Exception {
    String node = newNode();
    AuditTopicWriter.write(settings, node, synthetic(node, 200));
    Files.createDirectories(stateRoot.resolve("g1"));
    Files.writeString(stateRoot.resolve("g1").resolve("leftover"), "old");
    Files.writeString(stateRoot.resolve("CURRENT"), "generation=1\nformat=0\n");

    try (AuditSink sink = started(node)) {
      assertThat(sink.generation()).isEqualTo(2);
      assertThat(stateRoot.resolve("g1")).doesNotExist();
      assertThat(sink.query(AuditQuery.all()).total()).isEqualTo(200);
    }
  }

  @Test
  void eventsWithUnknownFutureFieldsStillDecodeAndUndecodableRecordsAreSkipped() throws Exception {
    String node = newNode();
    AuditEvent future = event(node, "future-1", "i-f", START, AuditEventType.LAUNCH_SUCCEEDED);
    String json = JsonSerde.of(AuditEvent.class).toJson(future);
    String withNewFields =
        "{\"severity\":\"high\",\"labels\":{\"team\":[\"a\",\"b\"]},\"schemaRevision\":3," + json.substring(1);
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("i-f", withNewFields);
    raw.put("i-bad", "{not json");
    raw.put("i-bad2", "{\"id\":\"x\",\"type\":\"a_type_from_v2\"}");
    AuditTopicWriter.writeRaw(settings, node, raw);
    AuditEvent after = event(node, "after-1", "i-g", START.plusSeconds(1), AuditEventType.LAUNCH_SUCCEEDED);
    AuditTopicWriter.write(settings, node, List.of(after));

    try (AuditSink sink = started(node)) {
      assertThat(sink.query(AuditQuery.all()).items()).containsExactly(after, future);
    }
  }

  private AuditSink started(String node) throws InterruptedException {
    AuditSink sink = new AuditSink(node, settings, stateRoot).start();
    assertThat(sink.awaitReady(READY)).isTrue();
    return sink;
  }

  static List<AuditQuery> sampleQueries(List<AuditEvent> events) {
    AuditEvent sample = events.stream().filter(e -> e.instanceId() != null && e.outcome() != null).findFirst().orElseThrow();
    String from = events.get(events.size() / 4).at().toString();
    String to = events.get(events.size() / 2).at().toString();
    return List.of(
        AuditQuery.parse(Map.of("size", "200")),
        AuditQuery.parse(Map.of("instanceId", sample.instanceId())),
        AuditQuery.parse(Map.of("actorName", sample.actor().name(), "size", "200")),
        AuditQuery.parse(Map.of("catalogId", sample.catalogId(), "outcome", sample.outcome().wire())),
        AuditQuery.parse(Map.of("types", "setup_denied,launch_failed", "from", from, "to", to)),
        AuditQuery.parse(Map.of("actorKind", "operator", "text", "quota")),
        AuditQuery.parse(Map.of("text", "github", "size", "200")));
  }

  static List<AuditEvent> allPages(AuditStore store, AuditQuery query) {
    List<AuditEvent> found = new ArrayList<>();
    for (int page = 0; ; page++) {
      AuditPage result = store.query(query.withPage(page));
      found.addAll(result.items());
      if (!result.hasMore()) {
        return found;
      }
    }
  }

  static List<AuditEvent> synthetic(String node, int count) {
    return new SyntheticAudit(node, 11, 200, 20, 100, START, Duration.ofSeconds(30)).events(0, count);
  }

  static AuditEvent event(String node, String id, String instanceId, Instant at, AuditEventType type) {
    Map<String, String> details = new HashMap<>();
    details.put("image", "mcp/x:latest");
    return new AuditEvent(id, node, type, at, new Actor(CallerKind.AGENT, "bot", "tok_1"), "docker.x",
        instanceId, type.wire() + " for " + instanceId, details, "mcp.setup", AuditOutcome.SUCCEEDED, null, "cmd-" + id);
  }

  private static String newNode() {
    String node = "n" + UUID.randomUUID().toString().substring(0, 8);
    new TopicProvisioner(settings).ensure(Topics.nodeTopics(node));
    return node;
  }
}
