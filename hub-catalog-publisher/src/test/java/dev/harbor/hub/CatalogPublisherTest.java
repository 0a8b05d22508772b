package dev.harbor.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.hub.importer.CatalogSources;
import dev.harbor.hub.importer.ImportBatch;
import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher against a real broker: what reaches the compacted catalog topic, and what does not. */
class CatalogPublisherTest {

  @TempDir static Path brokerDir;
  static EmbeddedKafka broker;
  static KafkaSettings settings;

  @TempDir Path work;
  HubCatalog hub;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafka.start(brokerDir, 0);
    settings = KafkaSettings.local(broker.bootstrapServers());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void freshTopicAndHub() throws Exception {
    try (var admin = org.apache.kafka.clients.admin.Admin.create(settings.adminProps())) {
      if (admin.listTopics().names().get().contains(Topics.CATALOG.name())) {
        admin.deleteTopics(List.of(Topics.CATALOG.name())).all().get();
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> !admin.listTopics().names().get().contains(Topics.CATALOG.name()));
      }
    }
    new TopicProvisioner(settings).ensure(Topics.hubTopics());
    hub = startHub();
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  private HubCatalog startHub() throws InterruptedException {
    HubCatalog catalog =
        new HubCatalog("hub-test-" + UUID.randomUUID(), settings, work.resolve("streams-" + UUID.randomUUID()), Clock.systemUTC())
            .start();
    assertThat(catalog.awaitReady(Duration.ofSeconds(60))).isTrue();
    return catalog;
  }

  @Test
  void importingBothBundledSourcesPublishesEachEntryOnceAndReportsSkips() {
    ImportBatch docker = CatalogSources.read(seed().resolve("docker-mcp-registry"), Instant.now());
    ImportBatch official = CatalogSources.read(seed().resolve("official-registry/servers.json"), Instant.now());

    ImportReport dockerReport = hub.publisher().publish(docker);
    ImportReport officialReport = hub.publisher().publish(official);

    assertThat(dockerReport.imported()).isEqualTo(docker.entries().size()).isGreaterThan(100);
    assertThat(officialReport.imported()).isEqualTo(official.entries().size()).isGreaterThan(100);
    assertThat(dockerReport.skipped()).isEqualTo(docker.skipped());
    assertThat(dockerReport.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    List<ConsumerRecord<String, CatalogEntry>> records = CatalogTopic.readAll(settings);
    assertThat(records).hasSize(docker.entries().size() + official.entries().size());
    assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().id()));
    assertThat(hub.index().size()).isEqualTo(records.size());
  }

  @Test
  void reimportingTheSameDataPublishesNothing() {
    Path source = seed().resolve("docker-mcp-registry");
    hub.publisher().publish(CatalogSources.read(source, Instant.now()));
    int before = CatalogTopic.readAll(settings).size();

    ImportReport again = hub.publisher().publish(CatalogSources.read(source, Instant.now().plusSeconds(60)));

    assertThat(again.published()).isZero();
    assertThat(again.unchanged()).isEqualTo(before);
    assertThat(CatalogTopic.readAll(settings)).hasSize(before);
  }

  @Test
  void aFreshHubViewComparesAgainstWhatIsAlreadyOnTheTopic() throws Exception {
    Path source = seed().resolve("official-registry/servers.json");
    hub.publisher().publish(CatalogSources.read(source, Instant.now()));
    hub.close();

    hub = startHub();
    ImportReport again = hub.publisher().publish(CatalogSources.read(source, Instant.now()));

    assertThat(again.published()).isZero();
    assertThat(again.unchanged()).isEqualTo(hub.index().size());
  }

  @Test
  void anEntryThatLeavesACompleteSourceIsTombstoned() throws IOException {
    Path source = copyOfDockerServers("github-official", "fetch", "time");
    ImportReport first = hub.publisher().publish(CatalogSources.read(source, Instant.now()));
    String removedId = idOf(source, "time");
    deleteTree(source.resolve("servers").resolve("time"));

    ImportReport second = hub.publisher().publish(CatalogSources.read(source, Instant.now()));

    assertThat(first.imported()).isEqualTo(3);
    assertThat(second.removed()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(2);
    assertThat(hub.index().get(removedId)).isEmpty();
    assertThat(CatalogTopic.readAll(settings))
        .anySatisfy(r -> {
          assertThat(r.key()).isEqualTo(removedId);
          assertThat(r.value()).isNull();
        });
  }

  @Test
  void entriesOfOtherSourcesAreNeverTombstonedByAnImport() throws IOException {
    Path one = copyOfDockerServers("github-official");
    Path other = copyOfDockerServers("fetch");
    hub.publisher().publish(CatalogSources.read(one, Instant.now()));

    ImportReport report = hub.publisher().publish(CatalogSources.read(other, Instant.now()));

    assertThat(report.removed()).isZero();
    assertThat(hub.index().size()).isEqualTo(2);
  }

  @Test
  void aChangedEntryIsRepublishedKeepingItsCreationTime() throws IOException {
    Path source = copyOfDockerServers("fetch");
    hub.publisher().publish(CatalogSources.read(source, Instant.parse("2026-01-01T00:00:00Z")));
    String id = idOf(source, "fetch");
    Path yaml = source.resolve("servers/fetch/server.yaml");
    Files.writeString(
        yaml, Files.readString(yaml).replaceFirst("(?m)^(\\s+description: ).*$", "$1A changed description"));

    ImportReport report = hub.publisher().publish(CatalogSources.read(source, Instant.parse("2026-02-01T00:00:00Z")));

    assertThat(report.updated()).isEqualTo(1);
    CatalogEntry entry = hub.index().get(id).orElseThrow();
    assertThat(entry.description()).isEqualTo("A changed description");
    assertThat(entry.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(entry.updatedAt()).isAfter(entry.createdAt());
  }

  @Test
  void anIncompleteBatchNeverRemovesAnything() throws IOException {
    Path source = copyOfDockerServers("fetch", "time");
    ImportBatch full = CatalogSources.read(source, Instant.now());
    hub.publisher().publish(full);

    ImportBatch partial =
        new ImportBatch(full.format(), full.origin(), false, full.entries().subList(0, 1), List.of());
    ImportReport report = hub.publisher().publish(partial);

    assertThat(report.removed()).isZero();
    assertThat(hub.index().size()).isEqualTo(2);
    assertThat(full.format()).isEqualTo(SourceFormat.DOCKER_MCP_REGISTRY);
  }

  private Path copyOfDockerServers(String... names) throws IOException {
    Path root = work.resolve("docker-" + UUID.randomUUID());
    for (String name : names) {
      Path from = seed().resolve("docker-mcp-registry/servers").resolve(name);
      Path to = root.resolve("servers").resolve(name);
      Files.createDirectories(to);
      try (Stream<Path> files = Files.list(from)) {
        for (Path file : files.toList()) {
          Files.copy(file, to.resolve(file.getFileName()));
        }
      }
    }
    return root;
  }

  private static String idOf(Path source, String serverName) {
    return CatalogSources.read(source, Instant.now()).entries().stream()
        .filter(e -> e.source().sourceName().equals(serverName))
        .map(CatalogEntry::id)
        .findFirst()
        .orElseThrow();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  static Path seed() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("catalog/seed"))) {
      dir = dir.getParent();
    }
    return Objects.requireNonNull(dir, "catalog/seed not found above the working directory").resolve("catalog/seed");
  }
}
